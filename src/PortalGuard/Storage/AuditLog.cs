using System.Globalization;
using Microsoft.Data.Sqlite;
using PortalGuard.Assessment;

namespace PortalGuard.Storage;

/// <summary>
/// The audit trail: what happened where (warned, proceeded, remember-me blocked, session cleared), by origin only.
/// Times are stored as Unix milliseconds, UTC.
/// </summary>
internal sealed class AuditLog
{
    private readonly PortalGuardDatabase _database;
    private readonly TimeProvider _time;

    public AuditLog(PortalGuardDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    /// <summary>
    /// Appends one event. The origin is cut down to scheme://host[:port] whatever the caller passed (a full URL loses its
    /// path, query, fragment and user name). An event about the device (<see cref="AuditEventScope"/>) is recorded without
    /// an origin, whatever the caller passed. An event whose <see cref="AuditEvent.Time"/> is <c>default</c> is stamped now.
    /// </summary>
    /// <exception cref="ArgumentException">A site's event without an http(s) origin or URL, an unknown code, or a negative count.</exception>
    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!Enum.IsDefined(auditEvent.Code) || (auditEvent.Level is { } level && !Enum.IsDefined(level)))
        {
            throw new ArgumentException("An audit event's code or level is not one PortalGuard knows.", nameof(auditEvent));
        }

        var origin = AuditEventScope.IsAboutDevice(auditEvent.Code) ? null : AuditOrigin.Reduce(auditEvent.Origin, nameof(auditEvent));

        if (auditEvent.Count is < 0)
        {
            throw new ArgumentException("An audit event's count cannot be negative.", nameof(auditEvent));
        }

        var time = auditEvent.Time == default ? _time.GetUtcNow() : auditEvent.Time;
        _database.Transact(connection => connection.Execute(
            "INSERT INTO audit_events (time_unix_ms, origin, code, level, count) VALUES ($time, $origin, $code, $level, $count);",
            ("$time", time.ToUnixTimeMilliseconds()),
            ("$origin", origin),
            ("$code", StoredName.Of(auditEvent.Code)),
            ("$level", auditEvent.Level is { } l ? StoredName.Of(l) : null),
            ("$count", auditEvent.Count)));
    }

    /// <summary>Deletes the events older than <paramref name="olderThan"/> (machine policy's audit retention) and returns how many.</summary>
    public int Prune(DateTimeOffset olderThan) =>
        _database.Transact(connection => connection.Execute(
            "DELETE FROM audit_events WHERE time_unix_ms < $before;",
            ("$before", olderThan.ToUnixTimeMilliseconds())));

    /// <summary>
    /// The newest <paramref name="limit"/> events at or after <paramref name="since"/> (all, when null), oldest first and newest
    /// last. Times come back in UTC, to the millisecond. Rows with a code this build does not know are left out.
    /// </summary>
    public IReadOnlyList<AuditEvent> Read(DateTimeOffset? since, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var events = _database.Query(connection =>
        {
            var newestFirst = new List<AuditEvent>();
            using var command = connection.Prepare(
                "SELECT time_unix_ms, origin, code, level, count FROM audit_events WHERE time_unix_ms >= $since "
                + "ORDER BY time_unix_ms DESC, id DESC LIMIT $limit;",
                ("$since", since?.ToUnixTimeMilliseconds() ?? long.MinValue),
                ("$limit", limit));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (ReadRow(reader) is { } auditEvent)
                {
                    newestFirst.Add(auditEvent);
                }
            }

            return newestFirst;
        });

        events.Reverse();
        return events;
    }

    private static AuditEvent? ReadRow(SqliteDataReader reader)
    {
        if (StoredName.Parse<AuditEventCode>(reader.GetString(2)) is not { } code)
        {
            return null;
        }

        return new AuditEvent(
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            code,
            reader.IsDBNull(3) ? null : StoredName.Parse<VerdictLevel>(reader.GetString(3)),
            reader.IsDBNull(4) ? null : checked((int)reader.GetInt64(4)));
    }
}
