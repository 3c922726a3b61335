namespace PortalGuard.Portals;

/// <summary>One patient portal of the catalog: how its hosts are recognised and what is known about using it over a VPN.</summary>
/// <param name="Id">Stable identifier, lowercase letters, digits and hyphens (<c>epic-mychart</c>).</param>
/// <param name="Hosts">Exact host names of known instances (<c>mychart.ucsf.edu</c>).</param>
/// <param name="PlatformSuffixes">Vendor platform domains: the domain and any subdomain of it is this portal (<c>followmyhealth.com</c>).</param>
/// <param name="LabelPatterns">Leading-label patterns on any organisation's domain (<c>mychart</c> matches <c>mychart.example-health.org</c>): unverified instances.</param>
/// <param name="Source">Where the facts come from, in words.</param>
/// <param name="UserDefined">Added by the user (kept across catalog upgrades), not shipped in the embedded catalog.</param>
public sealed record PortalEntry(
    string Id,
    string Name,
    string Vendor,
    string Product,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> PlatformSuffixes,
    IReadOnlyList<string> LabelPatterns,
    VpnCompatibility VpnCompatibility,
    string? Notes,
    TwoFactorSupport TwoFactor,
    string? SignOutPath,
    string? Source,
    bool UserDefined = false);
