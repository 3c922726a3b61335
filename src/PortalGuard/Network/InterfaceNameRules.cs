namespace PortalGuard.Network;

/// <summary>What an interface's name says about it, the same on every operating system (VPN clients reuse their names across them).</summary>
internal static class InterfaceNameRules
{
    // Name prefixes, case-insensitive; more specific prefixes first where one starts another ("nordtun" before "tun").
    private static readonly (string Prefix, TunnelKind Kind)[] KindPrefixes =
    [
        ("nordlynx", TunnelKind.Wireguard), // NordVPN's WireGuard
        ("nordtun", TunnelKind.Openvpn), // NordVPN's OpenVPN on Linux
        ("wg", TunnelKind.Wireguard), // wg0, wg0-mullvad, wgpia0
        ("mullvad", TunnelKind.Wireguard), // the Mullvad app's adapter on Windows; Mullvad is WireGuard only
        ("tailscale", TunnelKind.Mesh),
        ("zerotier", TunnelKind.Mesh), // Windows: "ZeroTier One [network id]"
        ("zt", TunnelKind.Mesh), // Linux and macOS: zt + a hash of the network id
        ("nebula", TunnelKind.Mesh),
        ("openvpn", TunnelKind.Openvpn), // Windows adapter names: "OpenVPN TAP-Windows6", "OpenVPN Wintun", "OpenVPN Data Channel Offload"
        ("ipsec", TunnelKind.Ipsec),
        ("xfrm", TunnelKind.Ipsec), // Linux route-based IPsec
        ("vti", TunnelKind.Ipsec), // Linux route-based IPsec, older form
        ("ppp", TunnelKind.Ppp),
        ("utun", TunnelKind.OtherTunnel), // macOS: WireGuard, IKEv2, Tailscale and Apple's own services alike
        ("tun", TunnelKind.OtherTunnel),
        ("tap", TunnelKind.OtherTunnel),
        ("proton", TunnelKind.OtherTunnel), // ProtonVPN on Linux: proton0 (WireGuard)
        ("pvpn", TunnelKind.OtherTunnel), // ProtonVPN's older Linux client
        ("cscotun", TunnelKind.OtherTunnel), // Cisco AnyConnect on Linux
        ("gpd", TunnelKind.OtherTunnel), // GlobalProtect on Linux
    ];

    // Substrings of a name or adapter description that name the provider; case-insensitive.
    private static readonly (string Marker, string Provider)[] ProviderMarkers =
    [
        ("nordlynx", "NordVPN"),
        ("nordvpn", "NordVPN"),
        ("nordtun", "NordVPN"),
        ("mullvad", "Mullvad"),
        ("protonvpn", "ProtonVPN"),
        ("proton", "ProtonVPN"),
        ("pvpn", "ProtonVPN"),
        ("tailscale", "Tailscale"),
        ("zerotier", "ZeroTier"),
        ("surfshark", "Surfshark"),
        ("expressvpn", "ExpressVPN"),
        ("windscribe", "Windscribe"),
        ("cyberghost", "CyberGhost"),
        ("private internet access", "Private Internet Access"),
        ("wgpia", "Private Internet Access"),
        ("anyconnect", "Cisco AnyConnect"),
        ("cscotun", "Cisco AnyConnect"),
        ("cisco secure client", "Cisco Secure Client"),
        ("pangp", "GlobalProtect"),
        ("globalprotect", "GlobalProtect"),
        ("gpd", "GlobalProtect"),
        ("fortinet", "FortiClient"),
        ("forticlient", "FortiClient"),
        ("pulse secure", "Pulse Secure"),
        ("juniper networks virtual adapter", "Pulse Secure"),
        ("check point", "Check Point"),
        ("sonicwall", "SonicWall"),
    ];

    /// <summary>The tunnel kind a name implies, or null when the name says nothing.</summary>
    public static TunnelKind? KindForName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (prefix, kind) in KindPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The provider the name makes plain, else the one the description (Windows) makes plain, else null.</summary>
    public static string? ProviderFor(string name, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(name);

        // ZeroTier's Linux and macOS names are "zt" + a hash: too short a marker to look for inside other text.
        if (name.StartsWith("zt", StringComparison.OrdinalIgnoreCase))
        {
            return "ZeroTier";
        }

        return ProviderInside(name) ?? (string.IsNullOrEmpty(description) ? null : ProviderInside(description));
    }

    private static string? ProviderInside(string text)
    {
        foreach (var (marker, provider) in ProviderMarkers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }
}
