using System.Net.NetworkInformation;

namespace PortalGuard.Network;

/// <summary>
/// Windows: the friendly name is often "Ethernet 3", so the adapter description (the driver's) says most; the name and the
/// adapter type (RAS connections are <see cref="NetworkInterfaceType.Ppp"/>) fill in.
/// </summary>
internal sealed class WindowsInterfaceClassifier : IInterfaceClassifier
{
    // Substrings of the adapter description, case-insensitive, in the order they are tried.
    private static readonly (string Marker, TunnelKind Kind)[] DescriptionMarkers =
    [
        // IPv6 transition interfaces are tunnel-typed but are no VPN.
        ("Teredo", TunnelKind.None),
        ("ISATAP", TunnelKind.None),
        ("6to4", TunnelKind.None),
        ("IP-HTTPS", TunnelKind.Ipsec), // DirectAccess: IPsec over HTTPS
        ("WireGuard", TunnelKind.Wireguard), // "WireGuard Tunnel" (wireguard-nt)
        ("NordLynx", TunnelKind.Wireguard),
        ("Mullvad", TunnelKind.Wireguard),
        ("TAP-Windows", TunnelKind.Openvpn), // "TAP-Windows Adapter V9", OpenVPN's driver
        ("TAP-Win32", TunnelKind.Openvpn),
        ("Windows Adapter V9", TunnelKind.Openvpn), // renamed TAP-Windows forks: "TAP-ProtonVPN Windows Adapter V9", "TAP-NordVPN …"
        ("OpenVPN", TunnelKind.Openvpn), // "OpenVPN Data Channel Offload"
        ("Tailscale", TunnelKind.Mesh),
        ("ZeroTier", TunnelKind.Mesh),
        ("Hamachi", TunnelKind.Mesh),
        ("Wintun", TunnelKind.OtherTunnel), // used by WireGuard, OpenVPN 2.5+ and others: the name may say which
        ("AnyConnect", TunnelKind.OtherTunnel),
        ("Cisco Secure Client", TunnelKind.OtherTunnel),
        ("PANGP", TunnelKind.OtherTunnel), // GlobalProtect
        ("Fortinet", TunnelKind.OtherTunnel),
        ("FortiClient", TunnelKind.OtherTunnel),
        ("Juniper Networks Virtual Adapter", TunnelKind.OtherTunnel), // Pulse Secure / Ivanti
        ("Pulse Secure", TunnelKind.OtherTunnel),
        ("Check Point Virtual Network Adapter", TunnelKind.OtherTunnel),
        ("SonicWALL", TunnelKind.OtherTunnel),
        ("ProtonVPN", TunnelKind.OtherTunnel),
        ("Surfshark", TunnelKind.OtherTunnel),
        ("ExpressVPN", TunnelKind.OtherTunnel),
        ("Windscribe", TunnelKind.OtherTunnel),
    ];

    public NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic)
    {
        ArgumentNullException.ThrowIfNull(nic);
        return Classify(nic.Name, nic.Description, nic.Type);
    }

    /// <summary>Pure over the strings Windows reports, so recorded adapters can be replayed anywhere.</summary>
    public static NetworkInterfaceFacts Classify(string name, string description, NetworkInterfaceType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);

        var fromDescription = KindForDescription(description);
        if (fromDescription is TunnelKind.None)
        {
            return new NetworkInterfaceFacts(name, TunnelKind.None, Provider: null);
        }

        var kind = TunnelKindPrecedence.Pick(fromDescription, InterfaceNameRules.KindForName(name), TunnelKindPrecedence.KindForAdapterType(type))
            ?? TunnelKind.None;
        return new NetworkInterfaceFacts(name, kind, kind is TunnelKind.None ? null : InterfaceNameRules.ProviderFor(name, description));
    }

    private static TunnelKind? KindForDescription(string description)
    {
        foreach (var (marker, kind) in DescriptionMarkers)
        {
            if (description.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
