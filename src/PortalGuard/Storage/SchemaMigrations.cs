namespace PortalGuard.Storage;

/// <summary>
/// The schema, as the ordered list of steps that build it. Append a step to change the schema; never edit a step that has shipped,
/// because databases in the field already ran it.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(
            1,
            "portals, settings, audit_events",
            """
            -- A shipped entry and a user entry may share an id: the user's wins when read, and removing it brings the shipped one back.
            CREATE TABLE portals (
                id           TEXT    NOT NULL,
                user_defined INTEGER NOT NULL CHECK (user_defined IN (0, 1)),
                entry_json   TEXT    NOT NULL,
                PRIMARY KEY (id, user_defined)
            ) WITHOUT ROWID;

            CREATE TABLE settings (
                key   TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            -- Origins only: never a path, query, title or form value.
            CREATE TABLE audit_events (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                time_unix_ms INTEGER NOT NULL,
                origin       TEXT    NOT NULL,
                code         TEXT    NOT NULL,
                level        TEXT    NULL,
                count        INTEGER NULL
            );

            CREATE INDEX audit_events_by_time ON audit_events (time_unix_ms, id);
            """),
        new(
            2,
            "certificate_keys (trust on first use)",
            """
            -- Every public key a portal has shown, by host and port: a change is reported, never silently accepted.
            CREATE TABLE certificate_keys (
                host               TEXT    NOT NULL,
                port               INTEGER NOT NULL,
                spki_sha256        TEXT    NOT NULL,
                first_seen_unix_ms INTEGER NOT NULL,
                last_seen_unix_ms  INTEGER NOT NULL,
                PRIMARY KEY (host, port, spki_sha256)
            ) WITHOUT ROWID;
            """),
        new(
            3,
            "audit_events.origin may be NULL (events about the device)",
            """
            -- Password saving switched off or on and the idle timeout are about the device, not a site: no origin.
            -- SQLite cannot relax NOT NULL in place, so the table is rebuilt with its rows and ids.
            CREATE TABLE audit_events_v3 (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                time_unix_ms INTEGER NOT NULL,
                origin       TEXT    NULL,
                code         TEXT    NOT NULL,
                level        TEXT    NULL,
                count        INTEGER NULL
            );

            INSERT INTO audit_events_v3 (id, time_unix_ms, origin, code, level, count)
                SELECT id, time_unix_ms, origin, code, level, count FROM audit_events;

            DROP TABLE audit_events;
            ALTER TABLE audit_events_v3 RENAME TO audit_events;
            CREATE INDEX audit_events_by_time ON audit_events (time_unix_ms, id);
            """),
    ];
}
