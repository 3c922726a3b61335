using System.Diagnostics;
using System.Globalization;
using System.Text;
using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>Several host processes (one per browser profile) write the same file at once.</summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private const int EventsPerWriter = 250;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_database_objects_writing_audit_events_at_once_lose_nothing()
    {
        using var first = PortalGuardStore.Open(_folder.Path, TimeProvider.System);
        using var second = PortalGuardStore.Open(_folder.Path, TimeProvider.System);
        using var start = new Barrier(2);

        void Write(PortalGuardStore store, string origin)
        {
            start.SignalAndWait();
            for (var i = 0; i < EventsPerWriter; i++)
            {
                store.Audit.Record(new AuditEvent(DateTimeOffset.UtcNow, origin, AuditEventCode.WarningShown, null, i));
            }
        }

        var writers = new[]
        {
            Task.Factory.StartNew(() => Write(first, "https://first.example.org"), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Write(second, "https://second.example.org"), TaskCreationOptions.LongRunning),
        };
        await Task.WhenAll(writers);

        var events = first.Audit.Read(since: null, limit: 10_000);
        Assert.Equal(EventsPerWriter, events.Count(e => e.Origin == "https://first.example.org"));
        Assert.Equal(EventsPerWriter, events.Count(e => e.Origin == "https://second.example.org"));
        Assert.Equal(Enumerable.Range(0, EventsPerWriter), events.Where(e => e.Origin == "https://second.example.org").Select(e => e.Count!.Value).Order());
    }

    [Fact]
    public async Task Hosts_creating_the_same_new_database_at_once_all_succeed_and_migrate_it_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var path = _folder.File(string.Create(CultureInfo.InvariantCulture, $"round-{round}/portalguard.db"));
            using var start = new Barrier(3);
            var openers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    using var database = PortalGuardDatabase.Open(path);
                    return database.SchemaVersion;
                },
                TaskCreationOptions.LongRunning)).ToArray();

            Assert.All(await Task.WhenAll(openers), version => Assert.Equal(SchemaMigrations.All.Count, version));
            Assert.Equal(RawSqlite.Versions(SchemaMigrations.All), RawSqlite.Column(path, "SELECT version FROM schema_version;"));
        }
    }

    [Fact]
    public void Write_blocked_by_another_process_for_longer_than_the_busy_timeout_gives_storage_unavailable()
    {
        using var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System);
        using var other = RawSqlite.Open(_folder.DatabasePath);
        RawSqlite.Execute(other, "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('requireVpn', 'true');");

        var refused = Assert.Throws<StorageUnavailableException>(() => store.Settings.Set("sharedDevice", "true"));

        Assert.Contains("busy", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.DatabasePath, refused.Message, StringComparison.Ordinal);

        // Readers are never blocked by a writer in WAL mode, and the other process's change is not visible until it commits.
        Assert.Equal(PortalGuardSettings.Defaults, store.Settings.Get());
        RawSqlite.Execute(other, "COMMIT;");
        Assert.True(store.Settings.Get().RequireVpn);
    }

    [SqliteCliFact]
    public async Task Second_real_process_writing_the_same_file_at_once_loses_nothing()
    {
        using var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System);

        // The other process is the sqlite3 program: a real second process holding its own locks on the same WAL database.
        var script = new StringBuilder(".timeout 5000\n");
        for (var i = 0; i < EventsPerWriter; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"INSERT INTO audit_events (time_unix_ms, origin, code, count) VALUES ({1_700_000_000_000 + i}, 'https://other-process.example.org', 'proceeded', {i});\n");
        }

        File.WriteAllText(_folder.File("writer.sql"), script.ToString());
        var startInfo = new ProcessStartInfo(SqliteCliFactAttribute.Program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-bail");
        startInfo.ArgumentList.Add(_folder.DatabasePath);
        startInfo.ArgumentList.Add(".read " + _folder.File("writer.sql"));

        using var other = Process.Start(startInfo)!;
        var errors = other.StandardError.ReadToEndAsync();
        for (var i = 0; i < EventsPerWriter; i++)
        {
            store.Audit.Record(new AuditEvent(DateTimeOffset.UtcNow, "https://this-process.example.org", AuditEventCode.WarningShown, null, i));
        }

        Assert.True(other.WaitForExit(TimeSpan.FromMinutes(2)), "sqlite3 did not finish");
        Assert.Equal("", await errors);
        Assert.Equal(0, other.ExitCode);

        var events = store.Audit.Read(since: null, limit: 10_000);
        Assert.Equal(EventsPerWriter, events.Count(e => e.Origin == "https://this-process.example.org"));
        Assert.Equal(EventsPerWriter, events.Count(e => e.Origin == "https://other-process.example.org" && e.Code == AuditEventCode.Proceeded));
    }
}
