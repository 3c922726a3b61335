using System.Net;
using System.Net.NetworkInformation;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

// Each row builds a /sys/class/net/<name> folder in a temp dir, with the files the kernel shows for that kind of link.
public sealed class LinuxInterfaceClassifierTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("portalguard-sysfs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    // name,           type,  tun_flags, DEVTYPE,     bridge port, kind,                    provider
    [InlineData("eth0", 1, null, null, false, TunnelKind.None, null)]
    [InlineData("lo", 772, null, null, false, TunnelKind.None, null)]
    [InlineData("wlan0", 1, null, "wlan", false, TunnelKind.None, null)]
    [InlineData("br0", 1, null, "bridge", false, TunnelKind.None, null)]
    [InlineData("wg0", 65534, "0x1", null, false, TunnelKind.Wireguard, null)] // wireguard-go
    [InlineData("wg0", 65534, null, "wireguard", false, TunnelKind.Wireguard, null)] // kernel module
    [InlineData("vpn", 65534, null, "wireguard", false, TunnelKind.Wireguard, null)] // the kernel's word beats a plain name
    [InlineData("nordlynx", 65534, null, "wireguard", false, TunnelKind.Wireguard, "NordVPN")]
    [InlineData("wg0-mullvad", 65534, null, "wireguard", false, TunnelKind.Wireguard, "Mullvad")]
    [InlineData("proton0", 65534, null, "wireguard", false, TunnelKind.Wireguard, "ProtonVPN")]
    [InlineData("tun0", 65534, "0x3001", null, false, TunnelKind.Openvpn, null)] // OpenVPN tun
    [InlineData("tap0", 1, "0x3002", null, false, TunnelKind.Openvpn, null)] // OpenVPN tap
    [InlineData("nordtun", 65534, "0x3001", null, false, TunnelKind.Openvpn, "NordVPN")]
    [InlineData("tun0", 65534, "0x1001", null, false, TunnelKind.OtherTunnel, null)] // openconnect and the like
    [InlineData("office", 65534, "0x1", null, false, TunnelKind.Wireguard, null)] // wireguard-go under a name that says nothing
    [InlineData("office", 65534, "0x1001", null, false, TunnelKind.OtherTunnel, null)] // a tun under a name that says nothing
    [InlineData("cscotun0", 65534, "0x1001", null, false, TunnelKind.OtherTunnel, "Cisco AnyConnect")]
    [InlineData("gpd0", 65534, "0x1001", null, false, TunnelKind.OtherTunnel, "GlobalProtect")]
    [InlineData("vnet3", 1, "0x5002", null, true, TunnelKind.None, null)] // a virtual machine's tap on a bridge
    [InlineData("tailscale0", 65534, "0x1001", null, false, TunnelKind.Mesh, "Tailscale")]
    [InlineData("zt7nnig26", 1, "0x1002", null, false, TunnelKind.Mesh, "ZeroTier")]
    [InlineData("ppp0", 512, null, null, false, TunnelKind.Ppp, null)]
    [InlineData("ipsec0", 65534, null, null, false, TunnelKind.Ipsec, null)]
    [InlineData("xfrm0", 65534, null, null, false, TunnelKind.Ipsec, null)]
    [InlineData("gre1", 778, null, null, false, TunnelKind.OtherTunnel, null)]
    [InlineData("wgbridge", 1, null, null, false, TunnelKind.None, null)] // an Ethernet link named like a tunnel stays Ethernet
    public void Sysfs_and_name_decide_the_kind(string name, int type, string? tunFlags, string? devType, bool bridgePort, TunnelKind kind, string? provider)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "type"), $"{type}\n");
        File.WriteAllText(Path.Combine(dir, "uevent"), devType is null ? $"INTERFACE={name}\nIFINDEX=3\n" : $"DEVTYPE={devType}\nINTERFACE={name}\nIFINDEX=3\n");
        if (tunFlags is not null)
        {
            File.WriteAllText(Path.Combine(dir, "tun_flags"), $"{tunFlags}\n");
        }

        if (bridgePort)
        {
            Directory.CreateDirectory(Path.Combine(dir, "master"));
        }

        var facts = new LinuxInterfaceClassifier(_root).Classify(Nic(name, NetworkInterfaceType.Unknown));

        Assert.Equal(new NetworkInterfaceFacts(name, kind, provider), facts);
    }

    [Theory]
    [InlineData("wg0", NetworkInterfaceType.Unknown, TunnelKind.Wireguard)]
    [InlineData("eth0", NetworkInterfaceType.Ethernet, TunnelKind.None)]
    [InlineData("dsl", NetworkInterfaceType.Ppp, TunnelKind.Ppp)]
    [InlineData("../../etc", NetworkInterfaceType.Unknown, TunnelKind.None)]
    public void Interface_missing_from_sysfs_falls_back_to_name_and_adapter_type(string name, NetworkInterfaceType type, TunnelKind kind)
    {
        var facts = new LinuxInterfaceClassifier(_root).Classify(Nic(name, type));

        Assert.Equal(kind, facts.Kind);
    }

    private static NetworkInterfaceSnapshot Nic(string name, NetworkInterfaceType type) =>
        new(name, name, type, OperationalStatus.Up, [IPAddress.Parse("10.0.0.2")]);
}
