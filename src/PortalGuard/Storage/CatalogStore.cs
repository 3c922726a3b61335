using System.Text.Json;
using Microsoft.Data.Sqlite;
using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>
/// The portal catalog as stored: the entries shipped inside the executable, merged in at start, and the entries the user added.
/// A shipped entry and a user entry may share an id; the user's wins wherever entries are read, and stays across catalog upgrades.
/// </summary>
internal sealed class CatalogStore
{
    private readonly PortalGuardDatabase _database;

    public CatalogStore(PortalGuardDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>
    /// Makes the stored shipped entries exactly <paramref name="shipped"/>: new ones added, changed ones replaced, vanished ones
    /// removed, all in one transaction. User entries are never touched. Does not write at all when nothing changed, so host
    /// processes starting together do not queue for the write lock.
    /// </summary>
    /// <exception cref="ArgumentException">An entry has a malformed id, or two entries share an id; nothing is changed.</exception>
    public void MergeEmbedded(IReadOnlyList<PortalEntry> shipped)
    {
        ArgumentNullException.ThrowIfNull(shipped);

        // Only the id is checked here: the shipped catalog's content is the catalog's own tests' business, and refusing to
        // start over a questionable host name in it would help no one.
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in shipped)
        {
            if (entry is null)
            {
                throw new ArgumentException("The shipped catalog contains an empty entry.", nameof(shipped));
            }

            PortalEntryValidator.ValidateId(entry.Id, nameof(shipped));
            if (!wanted.TryAdd(entry.Id, Serialize(entry with { UserDefined = false })))
            {
                throw new ArgumentException($"The shipped catalog lists the id '{entry.Id}' more than once.", nameof(shipped));
            }
        }

        var stored = _database.Query(connection => ReadShippedJson(connection));
        if (stored.Count == wanted.Count && stored.All(row => wanted.TryGetValue(row.Key, out var json) && json == row.Value))
        {
            return;
        }

        _database.Transact(connection =>
        {
            connection.Execute("DELETE FROM portals WHERE user_defined = 0;");
            foreach (var (id, json) in wanted)
            {
                connection.Execute(
                    "INSERT INTO portals (id, user_defined, entry_json) VALUES ($id, 0, $json);",
                    ("$id", id),
                    ("$json", json));
            }
        });
    }

    /// <summary>Every entry in effect, ordered by id; where a user entry shares a shipped entry's id, only the user's.</summary>
    public IReadOnlyList<PortalEntry> List() =>
        _database.Query(connection =>
        {
            var entries = new List<PortalEntry>();
            using var command = connection.Prepare("SELECT id, user_defined, entry_json FROM portals ORDER BY id, user_defined DESC;");
            using var reader = command.ExecuteReader();
            string? previousId = null;
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (id == previousId)
                {
                    continue; // the shipped entry a user entry overrides
                }

                previousId = id;
                entries.Add(Deserialize(id, reader.GetInt64(1) == 1, reader.GetString(2)));
            }

            return entries;
        });

    /// <summary>The entry in effect for <paramref name="id"/> (the user's, where there is one), or null.</summary>
    public PortalEntry? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Query(connection =>
        {
            using var command = connection.Prepare(
                "SELECT user_defined, entry_json FROM portals WHERE id = $id ORDER BY user_defined DESC LIMIT 1;",
                ("$id", id));
            using var reader = command.ExecuteReader();
            return reader.Read() ? Deserialize(id, reader.GetInt64(0) == 1, reader.GetString(1)) : null;
        });
    }

    /// <summary>
    /// Adds a user entry, or replaces the user entry with the same id. With the id of a shipped entry, the user's copy overrides
    /// the shipped one (and keeps doing so across catalog upgrades). Stored with <see cref="PortalEntry.UserDefined"/> set.
    /// </summary>
    /// <exception cref="ArgumentException">The entry breaks a rule (see <see cref="PortalEntryValidator"/>); nothing is changed.</exception>
    public void AddUserEntry(PortalEntry entry)
    {
        PortalEntryValidator.ValidateUserEntry(entry, nameof(entry));
        var json = Serialize(entry with { UserDefined = true });
        _database.Transact(connection => connection.Execute(
            "INSERT INTO portals (id, user_defined, entry_json) VALUES ($id, 1, $json) "
            + "ON CONFLICT (id, user_defined) DO UPDATE SET entry_json = excluded.entry_json;",
            ("$id", entry.Id),
            ("$json", json)));
    }

    /// <summary>
    /// Removes the user entry with this id. Returns false, and changes nothing, when there is no user entry with this id, which
    /// includes every shipped entry: shipped entries cannot be removed (call <see cref="Find"/> to tell "shipped" from "unknown").
    /// Removing a user entry that overrode a shipped one brings the shipped one back.
    /// </summary>
    public bool RemoveUserEntry(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Transact(connection =>
            connection.Execute("DELETE FROM portals WHERE id = $id AND user_defined = 1;", ("$id", id)) > 0);
    }

    private static Dictionary<string, string> ReadShippedJson(SqliteConnection connection)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.Prepare("SELECT id, entry_json FROM portals WHERE user_defined = 0;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }

    private static string Serialize(PortalEntry entry) => JsonSerializer.Serialize(entry, StorageJsonContext.Default.PortalEntry);

    private PortalEntry Deserialize(string id, bool userDefined, string json)
    {
        PortalEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(json, StorageJsonContext.Default.PortalEntry);
        }
        catch (JsonException ex)
        {
            throw new StorageUnavailableException(_database.Path, $"The catalog entry '{id}' in {_database.Path} cannot be read: {ex.Message}", ex);
        }

        if (entry is null)
        {
            throw new StorageUnavailableException(_database.Path, $"The catalog entry '{id}' in {_database.Path} is empty.");
        }

        // The columns are the truth for id and origin; lists are never null for callers.
        return entry with
        {
            Id = id,
            UserDefined = userDefined,
            Hosts = entry.Hosts ?? [],
            PlatformSuffixes = entry.PlatformSuffixes ?? [],
            LabelPatterns = entry.LabelPatterns ?? [],
        };
    }
}
