using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>Schema 3: an audit trail written before it keeps every row and id, and takes events about the device without an origin.</summary>
public sealed class DeviceEventMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_schema_2_audit_trail_keeps_its_rows_and_then_records_device_events_without_an_origin()
    {
        using (PortalGuardDatabase.Open(_folder.DatabasePath, [.. SchemaMigrations.All.Take(2)]))
        {
        }

        RawSqlite.Execute(_folder.DatabasePath,
            "INSERT INTO audit_events (time_unix_ms, origin, code, level, count) VALUES (1000, 'https://mychart.ucsf.edu', 'sessionCleared', NULL, 4), "
            + "(2000, 'https://mychart.ucsf.edu', 'warningShown', 'warn', NULL);");

        using var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System);
        Assert.Equal(SchemaMigrations.All[^1].Version, store.Database.SchemaVersion);
        store.Audit.Record(new AuditEvent(DateTimeOffset.FromUnixTimeMilliseconds(3000), null, AuditEventCode.PasswordSavingDisabled, null, null));

        var events = store.Audit.Read(since: null);
        Assert.Equal(
            [("https://mychart.ucsf.edu", AuditEventCode.SessionCleared, (int?)4), ("https://mychart.ucsf.edu", AuditEventCode.WarningShown, null), (null, AuditEventCode.PasswordSavingDisabled, null)],
            events.Select(e => (e.Origin, e.Code, e.Count)));
        Assert.Equal(["1", "2", "3"], store.Database.Query(c => RawSqlite.Column(c, "SELECT id FROM audit_events ORDER BY id;")));
        Assert.Equal(["audit_events_by_time"], store.Database.Query(c => RawSqlite.Column(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events';")));
    }
}
