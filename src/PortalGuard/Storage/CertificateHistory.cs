using Microsoft.Data.Sqlite;

namespace PortalGuard.Storage;

/// <summary>Trust on first use: the public keys each portal has shown, so a change is reported with both dates.</summary>
internal sealed class CertificateHistory(PortalGuardDatabase database)
{
    /// <summary>Records that <paramref name="host"/>:<paramref name="port"/> showed the key <paramref name="spkiSha256"/> at <paramref name="now"/>.</summary>
    public CertificateObservation Observe(string host, int port, string spkiSha256, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(spkiSha256);
        var nowMs = now.ToUnixTimeMilliseconds();
        return database.Transact(connection =>
        {
            var latest = ReadLatest(connection, host, port);
            var current = ReadKey(connection, host, port, spkiSha256);
            connection.Execute(
                "INSERT INTO certificate_keys (host, port, spki_sha256, first_seen_unix_ms, last_seen_unix_ms) VALUES ($host, $port, $spki, $now, $now) "
                + "ON CONFLICT (host, port, spki_sha256) DO UPDATE SET last_seen_unix_ms = max(last_seen_unix_ms, excluded.last_seen_unix_ms);",
                ("$host", host),
                ("$port", port),
                ("$spki", spkiSha256),
                ("$now", nowMs));

            var firstSeen = current is { } c ? FromMs(c.FirstSeenMs) : now;
            if (latest is null)
            {
                return new CertificateObservation(FirstUse: true, Changed: false, null, null, null, firstSeen);
            }

            return latest.Value.Spki == spkiSha256
                ? new CertificateObservation(FirstUse: false, Changed: false, null, null, null, firstSeen)
                : new CertificateObservation(FirstUse: false, Changed: true, latest.Value.Spki, FromMs(latest.Value.FirstSeenMs), FromMs(latest.Value.LastSeenMs), firstSeen);
        });
    }

    private static (string Spki, long FirstSeenMs, long LastSeenMs)? ReadLatest(SqliteConnection connection, string host, int port)
    {
        using var command = connection.Prepare(
            "SELECT spki_sha256, first_seen_unix_ms, last_seen_unix_ms FROM certificate_keys WHERE host = $host AND port = $port "
            + "ORDER BY last_seen_unix_ms DESC LIMIT 1;",
            ("$host", host),
            ("$port", port));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    private static (long FirstSeenMs, long LastSeenMs)? ReadKey(SqliteConnection connection, string host, int port, string spki)
    {
        using var command = connection.Prepare(
            "SELECT first_seen_unix_ms, last_seen_unix_ms FROM certificate_keys WHERE host = $host AND port = $port AND spki_sha256 = $spki;",
            ("$host", host),
            ("$port", port),
            ("$spki", spki));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
