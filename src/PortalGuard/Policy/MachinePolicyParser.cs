using System.Globalization;
using System.Text.Json;
using PortalGuard.Portals;
using PortalGuard.Storage;

namespace PortalGuard.Policy;

/// <summary>
/// Reads a machine policy field by field: a field with a bad value is ignored and named in the problems, the good
/// fields still apply. Only a file that is not a JSON object at all is ignored whole.
/// </summary>
/// <remarks>
/// The file (docs/policy.md): <c>{ "sharedDevice": true, "requireVpn": true, "idleTimeoutMinutes": 15,
/// "auditRetentionDays": 30, "extraPortals": [ catalog entries ] }</c>; comments and trailing commas are allowed.
/// </remarks>
internal static class MachinePolicyParser
{
    public const int MaxAuditRetentionDays = 36500;

    public const int MaxExtraPortals = 10_000;

    public const string SharedDeviceField = "sharedDevice";
    public const string RequireVpnField = "requireVpn";
    public const string IdleTimeoutMinutesField = "idleTimeoutMinutes";
    public const string AuditRetentionDaysField = "auditRetentionDays";
    public const string ExtraPortalsField = "extraPortals";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    public static MachinePolicy FromJson(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Fields(location);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // Without a readable object there are no fields to keep. The position helps; the content is not repeated.
            fields.Problem($"The policy file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}); it was ignored.");
            return fields.Build();
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields.Problem("The policy file must hold one JSON object; it was ignored.");
                return fields.Build();
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case SharedDeviceField:
                    case RequireVpnField:
                        bool? flag = value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
                        if (flag is null)
                        {
                            fields.Problem($"{property.Name} must be true or false; it was ignored.");
                        }

                        fields.Boolean(property.Name, flag);
                        break;
                    case IdleTimeoutMinutesField:
                        fields.Minutes(property.Name, WholeNumber(value, property.Name, fields));
                        break;
                    case AuditRetentionDaysField:
                        fields.Days(property.Name, WholeNumber(value, property.Name, fields));
                        break;
                    case ExtraPortalsField:
                        fields.Portals(property.Name, value);
                        break;
                    default:
                        fields.Problem($"\"{Shorten(property.Name)}\" is not a policy field PortalGuard knows; it was ignored.");
                        break;
                }
            }
        }

        return fields.Build();
    }

    private static long? WholeNumber(JsonElement value, string name, Fields fields)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        fields.Problem($"{name} must be a whole number; it was ignored.");
        return null;
    }

    private static string Shorten(string name) => name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 64), "…");

    /// <summary>Collects fields and problems; shared by the file and the registry, so both apply the same ranges.</summary>
    internal sealed class Fields(string location)
    {
        private readonly List<string> _problems = [];
        private readonly List<PortalEntry> _portals = [];
        private bool? _sharedDevice;
        private bool? _requireVpn;
        private int? _idleTimeoutMinutes;
        private int? _auditRetentionDays;

        public void Problem(string sentence) => _problems.Add(sentence);

        public void Boolean(string name, bool? value)
        {
            if (string.Equals(name, SharedDeviceField, StringComparison.OrdinalIgnoreCase))
            {
                _sharedDevice = value ?? _sharedDevice;
            }
            else
            {
                _requireVpn = value ?? _requireVpn;
            }
        }

        public void Minutes(string name, long? value)
        {
            if (value is null)
            {
                return;
            }

            if (value is < 0 or > SettingsStore.MaxIdleTimeoutMinutes)
            {
                Problem(string.Create(CultureInfo.InvariantCulture, $"{name} must be from 0 to {SettingsStore.MaxIdleTimeoutMinutes} (0 = never); {value} was ignored."));
                return;
            }

            _idleTimeoutMinutes = (int)value;
        }

        public void Days(string name, long? value)
        {
            if (value is null)
            {
                return;
            }

            if (value is < 1 or > MaxAuditRetentionDays)
            {
                Problem(string.Create(CultureInfo.InvariantCulture, $"{name} must be from 1 to {MaxAuditRetentionDays}; {value} was ignored."));
                return;
            }

            _auditRetentionDays = (int)value;
        }

        public void PortalsFromJson(string name, string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json, DocumentOptions);
                Portals(name, document.RootElement);
            }
            catch (JsonException)
            {
                Problem($"{name} is not valid JSON; it was ignored.");
            }
        }

        public void Portals(string name, JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem($"{name} must be an array of catalog entries; it was ignored.");
                return;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = -1;
            foreach (var element in value.EnumerateArray())
            {
                index++;
                if (_portals.Count >= MaxExtraPortals)
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{name}: only the first {MaxExtraPortals} entries are used."));
                    break;
                }

                PortalEntry? entry;
                try
                {
                    entry = element.Deserialize(PortalCatalogJsonContext.Default.PortalEntry);
                }
                catch (JsonException ex)
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] is not a catalog entry ({ex.Message}); it was ignored."));
                    continue;
                }

                if (entry is null)
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] is null; it was ignored."));
                    continue;
                }

                // The organisation's entries rank with the user's (above the shipped catalog) and come first among them.
                entry = entry with { UserDefined = true, Source = entry.Source ?? "machine policy" };
                if (PortalEntryValidator.FindUserEntryProblem(entry) is { } problem)
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]: {problem} It was ignored."));
                    continue;
                }

                if (!ids.Add(entry.Id))
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]: the id \"{entry.Id}\" is used by an earlier entry; it was ignored."));
                    continue;
                }

                _portals.Add(entry);
            }
        }

        public MachinePolicy Build() =>
            new(location, Found: true, _sharedDevice, _requireVpn, _idleTimeoutMinutes, _auditRetentionDays, [.. _portals], [.. _problems]);
    }
}
