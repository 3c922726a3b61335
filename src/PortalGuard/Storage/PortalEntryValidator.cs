using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>
/// The rules a catalog entry must meet before the store keeps it. Messages name the field and what is wrong but never repeat the
/// value: a mistaken "host" may be a whole URL with a patient id in its path, and exception messages can end up in logs.
/// </summary>
internal static partial class PortalEntryValidator
{
    /// <summary>Checks a user's entry in full.</summary>
    /// <exception cref="ArgumentException">The first rule the entry breaks, in words.</exception>
    public static void ValidateUserEntry(PortalEntry entry, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entry, parameterName);
        ValidateId(entry.Id, parameterName);

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw Invalid(entry.Id, "its name is empty; give the portal a name people will recognise", parameterName);
        }

        if (entry.Vendor is null || entry.Product is null)
        {
            throw Invalid(entry.Id, "vendor and product must be given (they may be empty)", parameterName);
        }

        if (entry.Hosts is null || entry.PlatformSuffixes is null || entry.LabelPatterns is null)
        {
            throw Invalid(entry.Id, "hosts, platformSuffixes and labelPatterns must be lists (they may be empty)", parameterName);
        }

        if (entry.Hosts.Count + entry.PlatformSuffixes.Count + entry.LabelPatterns.Count == 0)
        {
            throw Invalid(entry.Id, "it needs at least one host, platform suffix or label pattern, or it would never match anything", parameterName);
        }

        for (var i = 0; i < entry.Hosts.Count; i++)
        {
            CheckHostName(entry.Id, Field("hosts", i), entry.Hosts[i], requireDot: false, parameterName);
        }

        // A one-label suffix ("com") would make every site under it a "known portal".
        for (var i = 0; i < entry.PlatformSuffixes.Count; i++)
        {
            CheckHostName(entry.Id, Field("platformSuffixes", i), entry.PlatformSuffixes[i], requireDot: true, parameterName);
        }

        for (var i = 0; i < entry.LabelPatterns.Count; i++)
        {
            if (entry.LabelPatterns[i] is not { } pattern || !DnsLabel().IsMatch(pattern))
            {
                throw Invalid(
                    entry.Id,
                    $"{Field("labelPatterns", i)} must be one lowercase name label of letters, digits and hyphens, without dots (for example mychart)",
                    parameterName);
            }
        }

        if (!Enum.IsDefined(entry.VpnCompatibility) || !Enum.IsDefined(entry.TwoFactor))
        {
            throw Invalid(entry.Id, "vpnCompatibility or twoFactor has a value PortalGuard does not know", parameterName);
        }

        if (entry.SignOutPath is { } signOut && (!signOut.StartsWith('/') || signOut.Any(char.IsWhiteSpace)))
        {
            throw Invalid(entry.Id, "signOutPath must start with / and contain no spaces", parameterName);
        }
    }

    /// <summary>Checks the id only: what the store's own correctness rests on.</summary>
    /// <exception cref="ArgumentException">The id does not follow the pattern.</exception>
    public static void ValidateId(string? id, string parameterName)
    {
        if (id is null || !PortalId().IsMatch(id))
        {
            throw new ArgumentException(
                "A portal id must be 1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit (for example my-clinic-portal).",
                parameterName);
        }
    }

    private static void CheckHostName(string id, string field, string? value, bool requireDot, string parameterName)
    {
        string? problem = value switch
        {
            null or "" => "is empty",
            _ when value.Contains("://", StringComparison.Ordinal) => "must be a host name only: remove the scheme (https://)",
            _ when value.AsSpan().IndexOfAny("/?#@") >= 0 => "must be a host name only: remove the path, query or user name",
            _ when value.Any(char.IsWhiteSpace) => "must not contain spaces",
            _ when value.Contains(':', StringComparison.Ordinal) => "must be a host name only: remove the port",
            _ when !Ascii.IsValid(value) => "must be ASCII: write an international name in its xn-- form",
            _ when value.Any(char.IsAsciiLetterUpper) => "must be lowercase",
            _ when !HostName().IsMatch(value) => "is not a valid host name (letters, digits and hyphens in dot-separated labels)",
            _ when requireDot && !value.Contains('.', StringComparison.Ordinal) => "must have at least two labels (example.org), or it would match a whole top-level domain",
            _ => null,
        };

        if (problem is not null)
        {
            throw Invalid(id, $"{field} {problem}", parameterName);
        }
    }

    private static string Field(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");

    private static ArgumentException Invalid(string id, string problem, string parameterName) =>
        new($"Portal entry '{id}' cannot be saved: {problem}.", parameterName);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PortalId();

    [GeneratedRegex(@"^(?=.{1,253}\z)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostName();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DnsLabel();
}
