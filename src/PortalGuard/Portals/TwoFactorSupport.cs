namespace PortalGuard.Portals;

/// <summary>Whether a portal offers two-factor sign-in, where public material says so.</summary>
public enum TwoFactorSupport
{
    Unknown,
    Offered,
    NotOffered,
}
