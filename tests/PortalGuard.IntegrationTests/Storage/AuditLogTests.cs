using System.Text;
using PortalGuard.Assessment;
using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly FixedTime _time;
    private readonly TempStore _temp;

    public AuditLogTests()
    {
        _time = new FixedTime(Noon);
        _temp = new TempStore(_time);
    }

    private AuditLog Audit => _temp.Store.Audit;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Url_with_a_path_and_query_is_stored_as_its_origin_only_and_the_file_never_holds_the_rest()
    {
        Audit.Record(new AuditEvent(Noon, "https://mychart.example.org/MyChart/patient/123?mrn=9#notes", AuditEventCode.WarningShown, VerdictLevel.Warn, null));

        Assert.Equal("https://mychart.example.org", Assert.Single(Audit.Read(null)).Origin);

        _temp.Store.Dispose();
        foreach (var (name, bytes) in _temp.Folder.Snapshot())
        {
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("mrn", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("patient", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("notes", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(text.Contains("mychart.example.org", StringComparison.Ordinal) || name != "portalguard.db", "the origin itself is stored");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("mychart.example.org")]
    [InlineData("/MyChart/patient/123?mrn=9")]
    [InlineData("file:///home/someone/patient-123.pdf")]
    [InlineData("ftp://files.example.org/patient/123")]
    [InlineData("javascript:alert('patient/123')")]
    [InlineData("chrome-extension://abcdefghijklmnop/popup.html?mrn=9")]
    [InlineData("not a url at all, mrn=9")]
    public void Anything_that_is_not_an_http_origin_or_url_is_refused_without_repeating_it(string origin)
    {
        var refused = Assert.Throws<ArgumentException>(() => Audit.Record(new AuditEvent(Noon, origin, AuditEventCode.Proceeded, null, null)));

        Assert.DoesNotContain("mrn", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Audit.Read(null));
    }

    [Fact]
    public void Events_come_back_newest_last_with_every_field()
    {
        Audit.Record(new AuditEvent(Noon.AddMinutes(2), "https://b.example.org", AuditEventCode.SessionCleared, null, 14));
        Audit.Record(new AuditEvent(Noon, "https://a.example.org", AuditEventCode.RememberMeBlocked, VerdictLevel.Block, null));
        Audit.Record(new AuditEvent(Noon.AddMinutes(1), "https://a.example.org:8443", AuditEventCode.WarningShown, VerdictLevel.Ok, 1));

        Assert.Equal(
            [
                new AuditEvent(Noon, "https://a.example.org", AuditEventCode.RememberMeBlocked, VerdictLevel.Block, null),
                new AuditEvent(Noon.AddMinutes(1), "https://a.example.org:8443", AuditEventCode.WarningShown, VerdictLevel.Ok, 1),
                new AuditEvent(Noon.AddMinutes(2), "https://b.example.org", AuditEventCode.SessionCleared, null, 14),
            ],
            Audit.Read(null));
    }

    [Fact]
    public void Codes_and_levels_are_stored_as_camel_case_names()
    {
        Audit.Record(new AuditEvent(Noon, "https://a.example.org", AuditEventCode.RememberMeBlocked, VerdictLevel.Block, null));

        var row = _temp.Store.Database.Query(c => RawSqlite.Column(c, "SELECT code || ' ' || level FROM audit_events;"));

        Assert.Equal(["rememberMeBlocked block"], row);
    }

    [Fact]
    public void Read_since_a_time_leaves_out_older_events_and_the_limit_keeps_the_newest()
    {
        for (var i = 0; i < 10; i++)
        {
            Audit.Record(new AuditEvent(Noon.AddMinutes(i), "https://a.example.org", AuditEventCode.WarningShown, null, i));
        }

        Assert.Equal([5, 6, 7, 8, 9], Audit.Read(Noon.AddMinutes(5)).Select(e => e.Count!.Value));
        Assert.Equal([7, 8, 9], Audit.Read(null, limit: 3).Select(e => e.Count!.Value));
        Assert.Empty(Audit.Read(null, limit: 0));
    }

    [Fact]
    public void Event_without_a_time_is_stamped_with_the_clock()
    {
        _time.Now = Noon.AddHours(3);

        Audit.Record(new AuditEvent(default, "https://a.example.org", AuditEventCode.Proceeded, VerdictLevel.Warn, null));

        Assert.Equal(Noon.AddHours(3), Assert.Single(Audit.Read(null)).Time);
    }

    [Fact]
    public void Negative_count_and_unknown_code_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Audit.Record(new AuditEvent(Noon, "https://a.example.org", AuditEventCode.SessionCleared, null, -1)));
        Assert.Throws<ArgumentException>(() => Audit.Record(new AuditEvent(Noon, "https://a.example.org", (AuditEventCode)99, null, null)));
        Assert.Empty(Audit.Read(null));
    }

    [Fact]
    public void Row_with_a_code_this_build_does_not_know_is_left_out_when_reading()
    {
        Audit.Record(new AuditEvent(Noon, "https://a.example.org", AuditEventCode.Proceeded, null, null));
        _temp.Store.Database.Transact(c => c.Execute("INSERT INTO audit_events (time_unix_ms, origin, code) VALUES (1, 'https://a.example.org', 'somethingNew');"));

        Assert.Equal(AuditEventCode.Proceeded, Assert.Single(Audit.Read(null)).Code);
    }

    [Fact]
    public void Prune_deletes_only_events_older_than_the_cutoff()
    {
        Audit.Record(new AuditEvent(Noon.AddDays(-40), "https://a.example.org", AuditEventCode.WarningShown, VerdictLevel.Warn, null));
        Audit.Record(new AuditEvent(Noon.AddDays(-31), "https://b.example.org", AuditEventCode.WarningShown, VerdictLevel.Warn, null));
        Audit.Record(new AuditEvent(Noon.AddDays(-29), "https://c.example.org", AuditEventCode.WarningShown, VerdictLevel.Warn, null));

        var deleted = Audit.Prune(Noon.AddDays(-30));

        Assert.Equal(2, deleted);
        Assert.Equal("https://c.example.org", Assert.Single(Audit.Read(null)).Origin);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
