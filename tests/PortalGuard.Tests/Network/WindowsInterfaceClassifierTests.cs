using System.Net.NetworkInformation;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

// Name, description and adapter type as Windows reports them for each adapter (ipconfig /all, Get-NetAdapter).
public sealed class WindowsInterfaceClassifierTests
{
    [Theory]
    [InlineData("Wi-Fi", "Intel(R) Wi-Fi 6 AX201 160MHz", NetworkInterfaceType.Wireless80211, TunnelKind.None, null)]
    [InlineData("Ethernet", "Realtek PCIe GbE Family Controller", NetworkInterfaceType.Ethernet, TunnelKind.None, null)]
    [InlineData("vEthernet (Default Switch)", "Hyper-V Virtual Ethernet Adapter", NetworkInterfaceType.Ethernet, TunnelKind.None, null)]
    [InlineData("Loopback Pseudo-Interface 1", "Software Loopback Interface 1", NetworkInterfaceType.Loopback, TunnelKind.None, null)]
    [InlineData("Teredo Tunneling Pseudo-Interface", "Teredo Tunneling Pseudo-Interface", NetworkInterfaceType.Tunnel, TunnelKind.None, null)]
    [InlineData("isatap.{6D1F4B2C-0C8B-4E7B-9D8A-3B0F0E4C5A11}", "Microsoft ISATAP Adapter", NetworkInterfaceType.Tunnel, TunnelKind.None, null)]
    [InlineData("wg0", "WireGuard Tunnel", (NetworkInterfaceType)53, TunnelKind.Wireguard, null)]
    [InlineData("mullvad-se9", "WireGuard Tunnel", (NetworkInterfaceType)53, TunnelKind.Wireguard, "Mullvad")]
    [InlineData("Mullvad", "Mullvad Tunnel", (NetworkInterfaceType)53, TunnelKind.Wireguard, "Mullvad")]
    [InlineData("NordLynx", "NordLynx Tunnel", (NetworkInterfaceType)53, TunnelKind.Wireguard, "NordVPN")]
    [InlineData("OpenVPN TAP-Windows6", "TAP-Windows Adapter V9", NetworkInterfaceType.Ethernet, TunnelKind.Openvpn, null)]
    [InlineData("Ethernet 4", "TAP-Windows Adapter V9", NetworkInterfaceType.Ethernet, TunnelKind.Openvpn, null)]
    [InlineData("OpenVPN Data Channel Offload", "OpenVPN Data Channel Offload", NetworkInterfaceType.Ethernet, TunnelKind.Openvpn, null)]
    [InlineData("OpenVPN Wintun", "Wintun Userspace Tunnel", (NetworkInterfaceType)53, TunnelKind.Openvpn, null)]
    [InlineData("Ethernet 5", "Wintun Userspace Tunnel", (NetworkInterfaceType)53, TunnelKind.OtherTunnel, null)]
    [InlineData("ProtonVPN TUN", "TAP-ProtonVPN Windows Adapter V9", NetworkInterfaceType.Ethernet, TunnelKind.Openvpn, "ProtonVPN")]
    [InlineData("ProtonVPN", "ProtonVPN Tunnel", (NetworkInterfaceType)53, TunnelKind.OtherTunnel, "ProtonVPN")]
    [InlineData("Ethernet 3", "Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64", NetworkInterfaceType.Ethernet, TunnelKind.OtherTunnel, "Cisco AnyConnect")]
    [InlineData("Ethernet 2", "PANGP Virtual Ethernet Adapter Secure", NetworkInterfaceType.Ethernet, TunnelKind.OtherTunnel, "GlobalProtect")]
    [InlineData("Ethernet 6", "Fortinet SSL VPN Virtual Ethernet Adapter", NetworkInterfaceType.Ethernet, TunnelKind.OtherTunnel, "FortiClient")]
    [InlineData("Ethernet 7", "Fortinet Virtual Ethernet Adapter (NDIS 6.30)", NetworkInterfaceType.Ethernet, TunnelKind.OtherTunnel, "FortiClient")]
    [InlineData("Ethernet 8", "Juniper Networks Virtual Adapter", NetworkInterfaceType.Ethernet, TunnelKind.OtherTunnel, "Pulse Secure")]
    [InlineData("Tailscale", "Tailscale Tunnel", (NetworkInterfaceType)53, TunnelKind.Mesh, "Tailscale")]
    [InlineData("ZeroTier One [8056c2e21c000001]", "ZeroTier Virtual Port", NetworkInterfaceType.Ethernet, TunnelKind.Mesh, "ZeroTier")]
    [InlineData("Work VPN", "Work VPN", NetworkInterfaceType.Ppp, TunnelKind.Ppp, null)] // a built-in (RAS) VPN connection
    [InlineData("Contoso", "Contoso", NetworkInterfaceType.Tunnel, TunnelKind.OtherTunnel, null)]
    public void Description_name_and_adapter_type_decide_the_kind(string name, string description, NetworkInterfaceType type, TunnelKind kind, string? provider)
    {
        var facts = WindowsInterfaceClassifier.Classify(name, description, type);

        Assert.Equal(new NetworkInterfaceFacts(name, kind, provider), facts);
    }
}
