using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PortalGuard.Portals;

/// <summary>Reads catalog JSON (an array of <see cref="PortalEntry"/>): the one shipped inside the executable, or a file being imported.</summary>
internal static class EmbeddedCatalog
{
    private const string ResourceName = "PortalGuard.Portals.catalog.json";

    private static readonly Lazy<IReadOnlyList<PortalEntry>> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped catalog, parsed once (validated by the tests, not at run time).</summary>
    /// <exception cref="CatalogFormatException">The shipped catalog is broken (a build that ships it is broken too; tests guard this).</exception>
    public static IReadOnlyList<PortalEntry> Load() => Embedded.Value;

    /// <summary>Parses and validates catalog JSON from a stream (UTF-8).</summary>
    /// <exception cref="CatalogFormatException">Not JSON, not an array of entries, or an entry breaks a catalog rule; the message says what and where.</exception>
    public static IReadOnlyList<PortalEntry> Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ParseWith(() => JsonSerializer.Deserialize(utf8Json, PortalCatalogJsonContext.Default.PortalEntryArray));
    }

    /// <summary>Parses and validates catalog JSON text.</summary>
    /// <exception cref="CatalogFormatException">As for <see cref="Parse(Stream)"/>.</exception>
    public static IReadOnlyList<PortalEntry> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseWith(() => JsonSerializer.Deserialize(json, PortalCatalogJsonContext.Default.PortalEntryArray));
    }

    /// <summary>Catalog JSON for entries, in the format <see cref="Parse(string)"/> reads.</summary>
    public static string Serialize(IReadOnlyList<PortalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Catalog files are read by people: indented. The database keeps the context's compact form.
        var indented = new JsonSerializerOptions(PortalCatalogJsonContext.Default.Options) { WriteIndented = true };
        return JsonSerializer.Serialize(entries.ToArray(), (JsonTypeInfo<PortalEntry[]>)indented.GetTypeInfo(typeof(PortalEntry[])));
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<PortalEntry> ParseWith(Func<PortalEntry[]?> deserialize, bool validate = true)
    {
        PortalEntry[]? entries;
        try
        {
            entries = deserialize();
        }
        catch (JsonException exception)
        {
            throw FromJsonException(exception);
        }

        if (entries is null)
        {
            throw new CatalogFormatException("The catalog must be a JSON array of portal entries, not null.");
        }

        if (validate)
        {
            PortalEntryValidator.ValidateAll(entries);
        }

        return Array.AsReadOnly(entries);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<PortalEntry> LoadEmbedded()
    {
        using var stream = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogFormatException($"The embedded resource {ResourceName} is missing.");
        // Not validated at run time: the rules need the Public Suffix List, whose loading was most of the host's start-up,
        // and the shipped file cannot change after the build. EmbeddedCatalogTests validate it on every test run.
        var entries = ParseWith(() => JsonSerializer.Deserialize(stream, PortalCatalogJsonContext.Default.PortalEntryArray), validate: false);
        if (entries.FirstOrDefault(e => e.UserDefined) is { } userEntry)
        {
            throw new CatalogFormatException($"The shipped catalog marks \"{userEntry.Id}\" as user-defined; only the user's own entries are.");
        }

        return entries;
    }

    // System.Text.Json reports 0-based positions and appends them to its message; people count from 1.
    private static CatalogFormatException FromJsonException(JsonException exception)
    {
        var reason = exception.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        reason = reason
            .Replace(typeof(PortalEntry).FullName + "[]", "an array of portal entries", StringComparison.Ordinal)
            .Replace(typeof(PortalEntry).FullName!, "a portal entry", StringComparison.Ordinal);
        if (exception.Path?.EndsWith(".vpnCompatibility", StringComparison.Ordinal) == true)
        {
            reason += " vpnCompatibility is one of \"yes\", \"usually\", \"sometimes\", \"no\", \"unknown\".";
        }
        else if (exception.Path?.EndsWith(".twoFactor", StringComparison.Ordinal) == true)
        {
            reason += " twoFactor is one of \"offered\", \"notOffered\", \"unknown\".";
        }

        var where = new StringBuilder();
        if (exception.LineNumber is { } line)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" at line {line + 1}");
            if (exception.BytePositionInLine is { } position)
            {
                where.Append(System.Globalization.CultureInfo.InvariantCulture, $", byte {position + 1}");
            }
        }

        if (!string.IsNullOrEmpty(exception.Path) && exception.Path != "$")
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" ({exception.Path})");
        }

        return new CatalogFormatException($"The catalog is not valid{where}: {reason.TrimEnd()}", exception)
        {
            LineNumber = exception.LineNumber + 1,
            BytePositionInLine = exception.BytePositionInLine + 1,
            JsonPath = exception.Path,
        };
    }
}
