namespace PortalGuard.Portals;

/// <summary>
/// The rules a catalog entry must follow, whether shipped, imported or added by the user, so that classification can
/// trust what it indexes: one entry per id, host, platform suffix and label pattern; hosts in the exact form
/// <see cref="WebTargetParser"/> produces; nothing that would claim a whole public suffix.
/// </summary>
internal static class PortalEntryValidator
{
    /// <summary>Shortest label pattern accepted: a shorter one ("my") would claim too many organisations' hosts.</summary>
    public const int MinLabelPatternLength = 4;

    private const int MaxIdLength = 64;

    private static readonly System.Buffers.SearchValues<char> LowercaseLdh = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly System.Buffers.SearchValues<char> NotInBareHost = System.Buffers.SearchValues.Create("/?#@:\\");

    /// <summary>The first problem with one entry on its own, as a sentence naming the field, or null when there is none.</summary>
    public static string? FindProblem(PortalEntry entry, PublicSuffixList? suffixes = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        suffixes ??= PublicSuffixList.Default;

        if (!IsValidId(entry.Id))
        {
            return "id must be 1 to 64 lowercase letters, digits and single hyphens (\"epic-mychart\").";
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            return "name is missing.";
        }

        if (string.IsNullOrWhiteSpace(entry.Vendor))
        {
            return "vendor is missing (write \"unknown\" when it is not known).";
        }

        if (string.IsNullOrWhiteSpace(entry.Product))
        {
            return "product is missing.";
        }

        if (entry.Hosts is null || entry.PlatformSuffixes is null || entry.LabelPatterns is null)
        {
            return "hosts, platformSuffixes and labelPatterns must each be present (an empty list [] when there are none).";
        }

        foreach (var host in entry.Hosts)
        {
            if (FindHostProblem(host, suffixes, "hosts") is { } problem)
            {
                return problem;
            }
        }

        foreach (var suffix in entry.PlatformSuffixes)
        {
            if (FindHostProblem(suffix, suffixes, "platformSuffixes") is { } problem)
            {
                return problem;
            }
        }

        foreach (var pattern in entry.LabelPatterns)
        {
            if (pattern is null || pattern.Length < MinLabelPatternLength || pattern.Length > IdnHostName.MaxLabelLength
                || pattern.AsSpan().ContainsAnyExcept(LowercaseLdh)
                || pattern.StartsWith('-') || pattern.EndsWith('-'))
            {
                return $"labelPatterns: \"{pattern}\" must be one lowercase label of 4 to 63 letters, digits and hyphens (\"mychart\").";
            }
        }

        if (entry.SignOutPath is { } path && (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)))
        {
            return "signOutPath must be a path on the portal's own host, starting with a single '/'.";
        }

        return null;
    }

    /// <summary>Checks every entry and that no id, host, platform suffix or label pattern appears twice.</summary>
    /// <exception cref="CatalogFormatException">The first problem found, with the entry's index and id.</exception>
    public static void ValidateAll(IReadOnlyList<PortalEntry> entries, PublicSuffixList? suffixes = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        var platformSuffixes = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                throw Invalid(i, null, "the entry is null; each entry must be an object.");
            }

            if (FindProblem(entry, suffixes) is { } problem)
            {
                throw Invalid(i, entry.Id, problem);
            }

            if (!ids.Add(entry.Id))
            {
                throw Invalid(i, entry.Id, "the id is used by an earlier entry.");
            }

            if (FirstDuplicate(entry.Hosts, hosts) is { } host)
            {
                throw Invalid(i, entry.Id, $"host \"{host}\" is listed twice.");
            }

            if (FirstDuplicate(entry.PlatformSuffixes, platformSuffixes) is { } suffix)
            {
                throw Invalid(i, entry.Id, $"platform suffix \"{suffix}\" is listed twice.");
            }

            if (FirstDuplicate(entry.LabelPatterns, patterns) is { } pattern)
            {
                throw Invalid(i, entry.Id, $"label pattern \"{pattern}\" is listed twice.");
            }
        }
    }

    private static string? FirstDuplicate(IReadOnlyList<string> values, HashSet<string> seen)
    {
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                return value;
            }
        }

        return null;
    }

    private static CatalogFormatException Invalid(int index, string? id, string problem) =>
        new(id is null ? $"Catalog entry {index}: {problem}" : $"Catalog entry {index} (\"{id}\"): {problem}") { EntryIndex = index };

    private static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength }
        && !id.AsSpan().ContainsAnyExcept(LowercaseLdh)
        && !id.StartsWith('-') && !id.EndsWith('-')
        && !id.Contains("--", StringComparison.Ordinal);

    private static string? FindHostProblem(string? host, PublicSuffixList suffixes, string field)
    {
        if (string.IsNullOrEmpty(host))
        {
            return $"{field}: an empty host name.";
        }

        if (host.Contains("://", StringComparison.Ordinal) || host.AsSpan().ContainsAny(NotInBareHost))
        {
            return $"{field}: \"{host}\" must be a bare host name: no scheme, port, path or user.";
        }

        if (!IdnHostName.TryToAscii(host, out var ascii, out var error))
        {
            return $"{field}: \"{host}\": {error}";
        }

        if (!string.Equals(ascii, host, StringComparison.Ordinal))
        {
            return $"{field}: \"{host}\" must be written in lowercase ASCII without a trailing dot (\"{ascii}\").";
        }

        if (IdnHostName.EndsInNumber(host))
        {
            return $"{field}: \"{host}\" is an IP address; portals are recognised by name only.";
        }

        if (suffixes.GetRegistrableDomain(host) is null)
        {
            return $"{field}: \"{host}\" is a public suffix; it would claim every site under it.";
        }

        return null;
    }
}
