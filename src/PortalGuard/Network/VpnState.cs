namespace PortalGuard.Network;

/// <summary>Whether traffic to a destination leaves through a VPN tunnel.</summary>
public enum VpnState
{
    /// <summary>Could not be told; <see cref="NetworkPosture.VpnUnknownReason"/> says why.</summary>
    Unknown,

    /// <summary>The destination leaves through a tunnel.</summary>
    On,

    /// <summary>No tunnel is up, and the destination leaves through an ordinary link.</summary>
    Off,

    /// <summary>A tunnel is up, but this destination bypasses it.</summary>
    Split,
}
