using System.Globalization;
using PortalGuard.Portals;

namespace PortalGuard.Policy;

/// <summary>
/// Decides which host names from the browser's managed storage (<c>extraPortals</c>, set by an organisation's enterprise
/// policy for the extension and sent by it in <c>setManagedPortals</c>) become portals for one host session.
/// </summary>
/// <remarks>
/// Browser policy ranks below the machine policy, the user's entries and the shipped catalog: it can be written by anyone
/// who can write the browser's policy (on some systems the user), while the machine policy needs an administrator. So a
/// managed host only adds a portal the catalog does not know; a host the catalog already knows keeps its catalog entry, and
/// a host that imitates a catalog portal is refused (making it "known" would turn a block into a pass). A managed portal
/// can only make verdicts stricter: its pages are checked for VPN, DNS, Wi-Fi and certificate like any portal's, and names
/// that imitate it become lookalikes.
/// </remarks>
internal static class ManagedPortals
{
    /// <summary>More host names than any organisation needs; the rest are refused, so a runaway policy costs nothing.</summary>
    public const int MaxHosts = 1000;

    /// <summary>The <see cref="PortalEntry.Source"/> of a managed portal.</summary>
    public const string Source = "browser policy";

    /// <param name="hosts">The host names in the order the policy lists them (null where an item was not a string).</param>
    /// <param name="catalog">The catalog in force without browser policy: machine policy's portals, the user's and the shipped ones.</param>
    public static ManagedPortalsResult Admit(IReadOnlyList<string?> hosts, PortalClassifier catalog)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(catalog);
        var entries = new List<PortalEntry>();
        var alreadyKnown = new List<string>();
        var refused = new List<ManagedPortalProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < hosts.Count; index++)
        {
            if (index >= MaxHosts)
            {
                refused.Add(new ManagedPortalProblem(index, ManagedPortalProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"only the first {MaxHosts} host names are used.")));
                break;
            }

            var host = hosts[index];
            if (host is null)
            {
                refused.Add(new ManagedPortalProblem(index, ManagedPortalProblemCodes.NotAHost, "it is not a host name."));
                continue;
            }

            var entry = new PortalEntry(
                string.Create(CultureInfo.InvariantCulture, $"browser-policy-{entries.Count + 1}"), host, "unknown", "patient portal",
                [host], [], [], VpnCompatibility.Unknown, Notes: null, TwoFactorSupport.Unknown, SignOutPath: null, Source, UserDefined: true);

            // The rules every user or machine-policy entry follows: a bare lowercase host, not an address, not a public suffix.
            if (PortalEntryValidator.FindUserEntryProblem(entry) is { } problem)
            {
                refused.Add(new ManagedPortalProblem(index, ProblemCode(host), problem));
                continue;
            }

            if (!seen.Add(host) || !WebTargetParser.TryParse(host, out var target, out _))
            {
                continue;
            }

            var identity = catalog.Classify(target);
            switch (identity.Status)
            {
                case PortalIdentityStatus.Known:
                    alreadyKnown.Add(host);
                    break;
                case PortalIdentityStatus.Lookalike:
                    refused.Add(new ManagedPortalProblem(index, ManagedPortalProblemCodes.Lookalike,
                        $"\"{host}\" imitates {identity.LookalikeOf} ({identity.Portal?.Name}): browser policy cannot make a lookalike a portal. "
                        + "If it really is the organisation's, list it in the machine policy (docs/policy.md).",
                        identity.LookalikeOf, identity.Portal?.Name));
                    break;
                case PortalIdentityStatus.VendorPattern when identity.Portal is { } vendor:
                    // "mychart.acme-health.org": the organisation vouches for what was an unverified vendor instance; the vendor's facts apply.
                    entries.Add(entry with
                    {
                        Name = vendor.Name,
                        Vendor = vendor.Vendor,
                        Product = vendor.Product,
                        VpnCompatibility = vendor.VpnCompatibility,
                        Notes = vendor.Notes,
                        TwoFactor = vendor.TwoFactor,
                        SignOutPath = vendor.SignOutPath,
                    });
                    break;
                default:
                    entries.Add(entry);
                    break;
            }
        }

        return new ManagedPortalsResult(entries, alreadyKnown, refused);
    }

    /// <summary>The code of a host the entry rules refused, decided by the same tests the rules apply (never by their wording).</summary>
    private static string ProblemCode(string host)
    {
        if (!IdnHostName.TryToAscii(host, out var ascii, out _) || !string.Equals(ascii, host, StringComparison.Ordinal))
        {
            return ManagedPortalProblemCodes.NotAHost;
        }

        if (IdnHostName.EndsInNumber(host))
        {
            return ManagedPortalProblemCodes.Address;
        }

        return PublicSuffixList.Default.GetRegistrableDomain(host) is null ? ManagedPortalProblemCodes.PublicSuffix : ManagedPortalProblemCodes.NotAHost;
    }
}
