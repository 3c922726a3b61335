using PortalGuard.Storage;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class CertificateHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempStore _temp = new();

    private CertificateHistory History => _temp.Store.Certificates;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void First_key_seen_for_a_host_is_first_use()
    {
        var seen = History.Observe("mychart.ucsf.edu", 443, "key-a", Monday);

        Assert.True(seen.FirstUse);
        Assert.False(seen.Changed);
        Assert.Equal(Monday, seen.FirstSeen);
    }

    [Fact]
    public void Same_key_again_is_no_change_and_keeps_its_first_date()
    {
        History.Observe("mychart.ucsf.edu", 443, "key-a", Monday);

        var seen = History.Observe("mychart.ucsf.edu", 443, "key-a", Monday.AddDays(3));

        Assert.False(seen.FirstUse);
        Assert.False(seen.Changed);
        Assert.Equal(Monday, seen.FirstSeen);
    }

    [Fact]
    public void New_key_is_a_change_reported_with_both_dates_and_kept_across_reopening()
    {
        History.Observe("mychart.ucsf.edu", 443, "key-a", Monday);
        History.Observe("mychart.ucsf.edu", 443, "key-a", Monday.AddDays(5));

        var seen = _temp.Reopen().Certificates.Observe("mychart.ucsf.edu", 443, "key-b", Monday.AddDays(9));

        Assert.True(seen.Changed);
        Assert.Equal("key-a", seen.PreviousSpkiSha256);
        Assert.Equal(Monday, seen.PreviousFirstSeen);
        Assert.Equal(Monday.AddDays(5), seen.PreviousLastSeen);
        Assert.Equal(Monday.AddDays(9), seen.FirstSeen);
    }

    [Fact]
    public void Hosts_and_ports_are_recorded_apart()
    {
        History.Observe("mychart.ucsf.edu", 443, "key-a", Monday);

        Assert.True(History.Observe("mychart.ucsf.edu", 8443, "key-b", Monday).FirstUse);
        Assert.True(History.Observe("healow.com", 443, "key-c", Monday).FirstUse);
    }

    [Fact]
    public void Going_back_to_an_older_key_is_a_change_too()
    {
        History.Observe("mychart.ucsf.edu", 443, "key-a", Monday);
        History.Observe("mychart.ucsf.edu", 443, "key-b", Monday.AddDays(1));

        var seen = History.Observe("mychart.ucsf.edu", 443, "key-a", Monday.AddDays(2));

        Assert.True(seen.Changed);
        Assert.Equal("key-b", seen.PreviousSpkiSha256);
        Assert.Equal(Monday, seen.FirstSeen);
    }
}
