namespace PortalGuard.Portals;

/// <summary>Whether a portal is known to accept sign-ins that arrive through a VPN.</summary>
public enum VpnCompatibility
{
    Unknown,
    Yes,
    Usually,
    Sometimes,
    No,
}
