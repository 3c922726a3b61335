using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PortalGuard.Storage;

/// <summary>The user's settings, one row per key. A key never set reads as its default.</summary>
internal sealed class SettingsStore
{
    public const string SharedDeviceKey = "sharedDevice";
    public const string RequireVpnKey = "requireVpn";
    public const string IdleTimeoutMinutesKey = "idleTimeoutMinutes";
    public const int MaxIdleTimeoutMinutes = 1440;

    private readonly PortalGuardDatabase _database;

    public SettingsStore(PortalGuardDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Every key <see cref="Set"/> accepts, with the values it allows, as the command line shows them.</summary>
    public static IReadOnlyList<(string Key, string AllowedValues)> Keys { get; } =
    [
        (SharedDeviceKey, "true or false"),
        (RequireVpnKey, "true or false"),
        (IdleTimeoutMinutesKey, string.Create(CultureInfo.InvariantCulture, $"a whole number of minutes from 0 to {MaxIdleTimeoutMinutes}, 0 meaning never")),
    ];

    /// <summary>The stored settings; defaults for keys never set (or holding a value this build cannot read).</summary>
    public PortalGuardSettings Get() => WithDefaults(GetStored());

    /// <summary>Only what the user stored, so machine policy can tell a user's choice from a default.</summary>
    public StoredSettings GetStored() => _database.Query(ReadStored);

    /// <summary>Sets one key from text (as typed on the command line) and returns the settings now in force.</summary>
    /// <param name="key">One of <see cref="Keys"/>; matched without regard to case.</param>
    /// <param name="value"><c>true</c>/<c>false</c>, or a number of minutes.</param>
    /// <exception cref="ArgumentException">Unknown key, or a value the key does not allow; the message names both. Nothing is changed.</exception>
    public PortalGuardSettings Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (canonicalKey, allowed) = Keys.FirstOrDefault(k => string.Equals(k.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
        if (canonicalKey is null)
        {
            throw new ArgumentException(
                $"There is no setting '{key}'. The settings are: {string.Join("; ", Keys.Select(k => $"{k.Key} ({k.AllowedValues})"))}.",
                nameof(key));
        }

        var stored = canonicalKey == IdleTimeoutMinutesKey ? ParseMinutes(value) : ParseBoolean(value);
        if (stored is null)
        {
            throw new ArgumentException($"The setting '{canonicalKey}' must be {allowed}; '{value}' is not allowed.", nameof(value));
        }

        return _database.Transact(connection =>
        {
            Write(connection, canonicalKey, stored);
            return Read(connection);
        });
    }

    /// <summary>Stores every field of <paramref name="settings"/> at once and returns the settings now in force.</summary>
    /// <exception cref="ArgumentException">A field is out of range; nothing is changed.</exception>
    public PortalGuardSettings Update(PortalGuardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IdleTimeoutMinutes is < 0 or > MaxIdleTimeoutMinutes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The setting '{IdleTimeoutMinutesKey}' must be {Keys[2].AllowedValues}; {settings.IdleTimeoutMinutes} is not allowed."),
                nameof(settings));
        }

        return _database.Transact(connection =>
        {
            Write(connection, SharedDeviceKey, FormatBoolean(settings.SharedDevice));
            Write(connection, RequireVpnKey, FormatBoolean(settings.RequireVpn));
            Write(connection, IdleTimeoutMinutesKey, settings.IdleTimeoutMinutes.ToString(CultureInfo.InvariantCulture));
            return Read(connection);
        });
    }

    private static PortalGuardSettings Read(SqliteConnection connection) => WithDefaults(ReadStored(connection));

    private static PortalGuardSettings WithDefaults(StoredSettings stored)
    {
        var defaults = PortalGuardSettings.Defaults;
        return new PortalGuardSettings(
            stored.SharedDevice ?? defaults.SharedDevice,
            stored.RequireVpn ?? defaults.RequireVpn,
            stored.IdleTimeoutMinutes ?? defaults.IdleTimeoutMinutes);
    }

    private static StoredSettings ReadStored(SqliteConnection connection)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.Prepare("SELECT key, value FROM settings;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new StoredSettings(
            SharedDevice: ParseStoredBoolean(values, SharedDeviceKey),
            RequireVpn: ParseStoredBoolean(values, RequireVpnKey),
            IdleTimeoutMinutes: values.TryGetValue(IdleTimeoutMinutesKey, out var minutes) && ParseMinutes(minutes) is { } text
                ? int.Parse(text, CultureInfo.InvariantCulture)
                : null);
    }

    private static bool? ParseStoredBoolean(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var text) && ParseBoolean(text) is { } canonical ? canonical == "true" : null;

    private static void Write(SqliteConnection connection, string key, string value) =>
        connection.Execute(
            "INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            ("$key", key),
            ("$value", value));

    // Each parser returns the canonical stored text, or null when the value is not allowed.
    private static string? ParseBoolean(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRUE" => "true",
        "FALSE" => "false",
        _ => null,
    };

    private static string? ParseMinutes(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes <= MaxIdleTimeoutMinutes
            ? minutes.ToString(CultureInfo.InvariantCulture)
            : null;

    private static string FormatBoolean(bool value) => value ? "true" : "false";
}
