using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PortalGuard.Storage;

/// <summary>
/// The SQLite file that holds the catalog, the settings and the audit trail. Several host processes (one per browser profile)
/// share it, so it runs in WAL mode with a busy timeout, and every change is one IMMEDIATE transaction.
/// A file PortalGuard cannot vouch for (not SQLite, damaged, another program's, or from a newer PortalGuard) is refused with a
/// <see cref="StorageUnavailableException"/> and left exactly as it was: it may be the only copy of someone's audit trail.
/// </summary>
internal sealed class PortalGuardDatabase : IDisposable
{
    /// <summary>How long a statement waits for another process's write to finish before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private bool _disposed;

    private PortalGuardDatabase(string path, SqliteConnection connection, int schemaVersion, string journalMode)
    {
        Path = path;
        _connection = connection;
        SchemaVersion = schemaVersion;
        JournalMode = journalMode;
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The schema version the file is at after opening (always the latest this code knows).</summary>
    public int SchemaVersion { get; }

    /// <summary><c>wal</c> normally; another value only where the file system cannot support WAL (some network shares).</summary>
    public string JournalMode { get; }

    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>Opens the database, creating it (and its folder, owner-only) when missing, and brings its schema up to date.</summary>
    /// <exception cref="StorageUnavailableException">The file cannot be used; it has not been changed.</exception>
    public static PortalGuardDatabase Open(string databasePath) => Open(databasePath, SchemaMigrations.All);

    /// <summary>Opens with a given list of migrations: the seam that lets tests play a schema upgrade or a downgrade.</summary>
    internal static PortalGuardDatabase Open(string databasePath, IReadOnlyList<SchemaMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(migrations);
        CheckMigrationList(migrations);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;

        var path = System.IO.Path.GetFullPath(databasePath);
        CreateIfMissing(path);
        RefuseIfNotSqlite(path);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,

            // Microsoft.Data.Sqlite retries a busy statement until the command timeout; matching it to the busy timeout
            // keeps the whole wait near five seconds instead of its default thirty.
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,

            // A pooled connection would keep the file open after Dispose; each database object owns exactly one.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};"));

            // Everything up to the journal-mode switch only reads: a file refused here is left byte for byte as it was.
            RefuseIfDamaged(connection, path);
            var found = ReadSchemaVersion(connection, path);
            RefuseIfNewer(path, found, latest);

            var journalMode = (string?)connection.Scalar("PRAGMA journal_mode = WAL;") ?? "unknown";

            // In WAL mode NORMAL loses at most the last transactions on power loss, never consistency.
            connection.Execute("PRAGMA synchronous = NORMAL;");

            var version = found == latest ? found : Migrate(connection, path, migrations, latest);
            return new PortalGuardDatabase(path, connection, version, journalMode);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Unavailable(path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs reads on the connection, one caller at a time.</summary>
    /// <exception cref="StorageUnavailableException">SQLite failed (busy for too long, disk error, damage found while reading).</exception>
    internal T Query<T>(Func<SqliteConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return query(_connection);
            }
            catch (SqliteException ex)
            {
                throw Unavailable(Path, ex);
            }
        }
    }

    /// <summary>
    /// Runs a change in one IMMEDIATE transaction: it takes the write lock up front, so two processes never deadlock
    /// upgrading a read to a write; it waits up to <see cref="BusyTimeout"/> for the lock. Any exception rolls it back.
    /// </summary>
    internal T Transact<T>(Func<SqliteConnection, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                var result = change(_connection);
                transaction.Commit();
                return result;
            }
            catch (SqliteException ex)
            {
                throw Unavailable(Path, ex);
            }
        }
    }

    /// <inheritdoc cref="Transact{T}(Func{SqliteConnection, T})"/>
    internal void Transact(Action<SqliteConnection> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Transact(connection =>
        {
            change(connection);
            return true;
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private static void CheckMigrationList(IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException("Schema migrations must be numbered 1, 2, 3, … in order, without gaps.", nameof(migrations));
            }
        }
    }

    private static void CreateIfMissing(string path)
    {
        try
        {
            OwnerOnly.CreateFolder(System.IO.Path.GetDirectoryName(path)!);

            if (File.Exists(path))
            {
                return;
            }

            // Created empty (an empty file is an empty SQLite database) so that it is owner-only from its first byte;
            // SQLite gives its -wal, -shm and -journal files the same permissions as the database file.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly.FilePermissions;
            }

            try
            {
                using var created = new FileStream(path, options);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another host process created it first: fine.
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(
                path,
                $"PortalGuard cannot create its database {path}: {ex.Message} Check that the folder belongs to this user, or set {DataPaths.DataDirectoryVariable} to a folder it may use.",
                ex);
        }
    }

    // Checked by hand, before SQLite is given the file at all: a file that is not SQLite is never opened by it.
    private static void RefuseIfNotSqlite(string path)
    {
        Span<byte> header = stackalloc byte[16];
        long length;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(
                path,
                $"PortalGuard cannot read its database {path}: {ex.Message} Check that the file belongs to this user.",
                ex);
        }

        if (length == 0)
        {
            return;
        }

        if (read < header.Length || !header.SequenceEqual(SqliteHeader))
        {
            throw new StorageUnavailableException(
                path,
                $"{path} is not a PortalGuard database: it is not a SQLite file at all. PortalGuard has left it exactly as it is. "
                + "Move it elsewhere (or restore it from a backup), and PortalGuard will start a new, empty database.");
        }
    }

    private static void RefuseIfDamaged(SqliteConnection connection, string path)
    {
        var problems = new List<string>();
        using (var command = connection.Prepare("PRAGMA quick_check;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read() && problems.Count < 3)
            {
                problems.Add(reader.GetString(0));
            }
        }

        if (problems is not ["ok"])
        {
            throw new StorageUnavailableException(path, Damaged(path, string.Join("; ", problems)));
        }
    }

    private static int ReadSchemaVersion(SqliteConnection connection, string path)
    {
        // One statement, so one snapshot: with two, another host could commit its migration between them, and a new
        // database would look like a foreign one (objects present, no version table).
        long hasVersionTable = 0, objects = 0;
        using (var command = connection.Prepare(
            "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'), (SELECT count(*) FROM sqlite_master);"))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                hasVersionTable = reader.GetInt64(0);
                objects = reader.GetInt64(1);
            }
        }

        if (hasVersionTable == 0)
        {
            if (objects > 0)
            {
                throw new StorageUnavailableException(
                    path,
                    $"{path} is a SQLite database, but not one PortalGuard made (it has no schema_version table). PortalGuard has left it exactly as it is. "
                    + $"Move it elsewhere, or set {DataPaths.DataDirectoryVariable} to another folder.");
            }

            return 0;
        }

        var version = (long)connection.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version;")!;
        return checked((int)version);
    }

    private static void RefuseIfNewer(string path, int found, int latest)
    {
        if (found > latest)
        {
            throw new StorageUnavailableException(
                path,
                $"{path} was written by a newer PortalGuard (schema version {found.ToString(CultureInfo.InvariantCulture)}; this PortalGuard knows versions up to "
                + $"{latest.ToString(CultureInfo.InvariantCulture)}). PortalGuard has left it exactly as it is. Update PortalGuard to a version at least as new as the one that wrote it.");
        }
    }

    private static int Migrate(SqliteConnection connection, string path, IReadOnlyList<SchemaMigration> migrations, int latest)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL);");

        // Read again under the write lock: another host process may have migrated since the first look.
        var current = ReadSchemaVersion(connection, path);
        RefuseIfNewer(path, current, latest);

        // Seconds are enough, and the fixed format keeps the column easy to read by eye.
        var appliedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            connection.Execute(migration.Sql);
            connection.Execute(
                "INSERT INTO schema_version (version, applied_at, description) VALUES ($version, $appliedAt, $description);",
                ("$version", migration.Version),
                ("$appliedAt", appliedAt),
                ("$description", migration.Description));
        }

        transaction.Commit();
        return latest;
    }

    private static string Damaged(string path, string detail) =>
        $"{path} is damaged (SQLite says: {detail.TrimEnd('.')}). PortalGuard has left it exactly as it is. "
        + "Move it elsewhere (or restore it from a backup), and PortalGuard will start a new, empty database.";

    // SQLite's primary result codes, in the words a person can act on.
    private static StorageUnavailableException Unavailable(string path, SqliteException ex)
    {
        var message = ex.SqliteErrorCode switch
        {
            11 or 26 => Damaged(path, ex.Message),
            5 or 6 => $"{path} is kept busy by another program for more than {BusyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds; try again.",
            3 or 8 or 14 or 23 => $"PortalGuard cannot open {path} for reading and writing ({ex.Message}). Check that the file and its folder belong to this user.",
            13 => $"PortalGuard cannot write to {path}: the disk is full.",
            10 => $"PortalGuard cannot read or write {path}: the disk reported an input/output error ({ex.Message}).",
            _ => $"PortalGuard cannot use {path}: {ex.Message}",
        };
        return new StorageUnavailableException(path, message, ex);
    }
}
