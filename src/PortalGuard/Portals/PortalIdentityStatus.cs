namespace PortalGuard.Portals;

/// <summary>What a host is, measured against the catalog.</summary>
public enum PortalIdentityStatus
{
    /// <summary>Neither a portal nor an imitation of one.</summary>
    Unknown,

    /// <summary>An exact catalog instance or a host on a vendor's platform domain.</summary>
    Known,

    /// <summary>Matches a vendor's label pattern (<c>mychart.</c> on some organisation's domain) but is not listed: unverified.</summary>
    VendorPattern,

    /// <summary>Imitates a catalog portal's domain.</summary>
    Lookalike,
}
