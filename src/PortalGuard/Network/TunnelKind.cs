using System.Text.Json.Serialization;

namespace PortalGuard.Network;

/// <summary>What kind of link an interface is, as far as VPNs go.</summary>
public enum TunnelKind
{
    /// <summary>An ordinary link (Ethernet, Wi-Fi, cellular): not a tunnel.</summary>
    None,
    Wireguard,
    Openvpn,
    Ipsec,
    Ppp,

    /// <summary>A mesh overlay (Tailscale, ZeroTier) that usually carries only its own network, not all traffic.</summary>
    Mesh,

    [JsonStringEnumMemberName("other-tunnel")]
    OtherTunnel,
}
