using System.Runtime.Versioning;
using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class PortalGuardDatabaseTests : IDisposable
{
    private static readonly SchemaMigration ExtraMigration = new(SchemaMigrations.All.Count + 1, "test: extra table", "CREATE TABLE extra (x INTEGER);");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void New_database_gets_every_table_and_records_the_schema_version()
    {
        using (var database = PortalGuardDatabase.Open(_folder.DatabasePath))
        {
            Assert.Equal(SchemaMigrations.All[^1].Version, database.SchemaVersion);
        }

        var tables = RawSqlite.Column(_folder.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        Assert.Equal(["audit_events", "certificate_keys", "portals", "schema_version", "settings"], tables);
        Assert.Equal(RawSqlite.Versions(SchemaMigrations.All), RawSqlite.Column(_folder.DatabasePath, "SELECT version FROM schema_version;"));
    }

    [Fact]
    public void Reopening_an_up_to_date_database_changes_nothing()
    {
        using (var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System))
        {
            store.Settings.Set("sharedDevice", "true");
        }

        var before = _folder.Snapshot();
        for (var i = 0; i < 3; i++)
        {
            using var database = PortalGuardDatabase.Open(_folder.DatabasePath);
            Assert.Equal(SchemaMigrations.All.Count, database.SchemaVersion);
        }

        Assert.Equal(before, _folder.Snapshot());
        using var reopened = PortalGuardStore.Open(_folder.Path, TimeProvider.System);
        Assert.True(reopened.Settings.Get().SharedDevice);
        Assert.Equal(RawSqlite.Versions(SchemaMigrations.All), reopened.Database.Query(c => RawSqlite.Column(c, "SELECT version FROM schema_version;")));
    }

    [Fact]
    public void Later_migration_runs_once_when_an_older_database_is_reopened()
    {
        using (var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System))
        {
            store.Settings.Set("idleTimeoutMinutes", "15");
        }

        var upgraded = SchemaMigrations.All.Append(ExtraMigration).ToList();
        for (var i = 0; i < 2; i++)
        {
            using var database = PortalGuardDatabase.Open(_folder.DatabasePath, upgraded);
            Assert.Equal(ExtraMigration.Version, database.SchemaVersion);
        }

        Assert.Equal(RawSqlite.Versions(upgraded), RawSqlite.Column(_folder.DatabasePath, "SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal(["extra"], RawSqlite.Column(_folder.DatabasePath, "SELECT name FROM sqlite_master WHERE name = 'extra';"));
        Assert.Equal(["15"], RawSqlite.Column(_folder.DatabasePath, "SELECT value FROM settings WHERE key = 'idleTimeoutMinutes';"));
    }

    [Fact]
    public void File_of_garbage_bytes_is_refused_naming_the_file_and_left_exactly_as_it_was()
    {
        var garbage = new byte[8192];
        new Random(20240601).NextBytes(garbage);
        File.WriteAllBytes(_folder.DatabasePath, garbage);
        var before = _folder.Snapshot();

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Equal(_folder.DatabasePath, refused.DatabasePath);
        Assert.Contains(_folder.DatabasePath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite file", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("SQLite format 3")]
    [InlineData("{\"settings\": {}}")]
    public void Short_file_that_is_not_sqlite_is_refused_and_left_exactly_as_it_was(string content)
    {
        File.WriteAllText(_folder.DatabasePath, content);
        var before = _folder.Snapshot();

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Contains(_folder.DatabasePath, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Sqlite_file_with_damaged_pages_is_refused_and_left_exactly_as_it_was()
    {
        using (var store = PortalGuardStore.Open(_folder.Path, TimeProvider.System))
        {
            store.Catalog.MergeEmbedded([.. Enumerable.Range(0, 50).Select(i => SampleEntries.Portal($"portal-{i}"))]);
        }

        // Overwrite the schema page after the 100-byte file header: the header still says "SQLite", the content is ruined.
        var bytes = File.ReadAllBytes(_folder.DatabasePath);
        Array.Fill(bytes, (byte)0xA5, 100, 1000);
        File.WriteAllBytes(_folder.DatabasePath, bytes);
        var before = _folder.Snapshot();

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Contains(_folder.DatabasePath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Database_from_a_newer_schema_is_refused_and_left_exactly_as_it_was()
    {
        using (PortalGuardDatabase.Open(_folder.DatabasePath))
        {
        }

        RawSqlite.Execute(_folder.DatabasePath, "INSERT INTO schema_version (version, applied_at, description) VALUES (99, '2030-01-01T00:00:00Z', 'from the future');");
        var before = _folder.Snapshot();

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Equal(_folder.DatabasePath, refused.DatabasePath);
        Assert.Contains(_folder.DatabasePath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("newer PortalGuard", refused.Message, StringComparison.Ordinal);
        Assert.Contains("99", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Database_migrated_by_a_newer_build_is_refused_by_an_older_build_and_left_as_it_was()
    {
        using (PortalGuardDatabase.Open(_folder.DatabasePath, SchemaMigrations.All.Append(ExtraMigration).ToList()))
        {
        }

        var before = _folder.Snapshot();

        Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Sqlite_database_of_another_program_is_refused_and_left_exactly_as_it_was()
    {
        RawSqlite.Execute(_folder.DatabasePath, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone');");
        var before = _folder.Snapshot();

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(_folder.DatabasePath));

        Assert.Contains("not one PortalGuard made", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Empty_file_is_taken_as_a_new_database()
    {
        File.WriteAllBytes(_folder.DatabasePath, []);

        using var database = PortalGuardDatabase.Open(_folder.DatabasePath);

        Assert.Equal(SchemaMigrations.All.Count, database.SchemaVersion);
    }

    [Fact]
    public void Database_runs_in_wal_mode_with_a_five_second_busy_timeout()
    {
        using (var database = PortalGuardDatabase.Open(_folder.DatabasePath))
        {
            Assert.Equal("wal", database.JournalMode);
            Assert.Equal(5000L, database.Query(c => c.Scalar("PRAGMA busy_timeout;")));
        }

        // WAL is a property of the file: any later reader sees it.
        Assert.Equal(["wal"], RawSqlite.Column(_folder.DatabasePath, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void Folder_that_cannot_be_created_gives_storage_unavailable_naming_the_file()
    {
        File.WriteAllText(_folder.File("not-a-folder"), "a file where a folder should be");
        var path = _folder.File(Path.Combine("not-a-folder", "portalguard.db"));

        var refused = Assert.Throws<StorageUnavailableException>(() => PortalGuardDatabase.Open(path));

        Assert.Equal(path, refused.DatabasePath);
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void New_folder_is_owner_only_and_database_files_are_owner_read_write()
    {
        var folder = _folder.File(Path.Combine("data", "portalguard"));
        using (var store = PortalGuardStore.Open(folder, TimeProvider.System))
        {
            store.Audit.Record(new AuditEvent(DateTimeOffset.UtcNow, "https://mychart.example.org", AuditEventCode.WarningShown, null, null));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPaths.DatabaseFile(folder)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPaths.DatabaseFile(folder) + "-wal"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataPaths.DatabaseFile(folder) + "-shm"));
        }
    }
}
