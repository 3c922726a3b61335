using System.Net;
using System.Net.NetworkInformation;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

// Names as ifconfig shows them on macOS.
public sealed class MacInterfaceClassifierTests
{
    [Theory]
    [InlineData("en0", NetworkInterfaceType.Ethernet, TunnelKind.None)]
    [InlineData("lo0", NetworkInterfaceType.Loopback, TunnelKind.None)]
    [InlineData("awdl0", NetworkInterfaceType.Ethernet, TunnelKind.None)]
    [InlineData("bridge0", NetworkInterfaceType.Ethernet, TunnelKind.None)]
    [InlineData("utun4", NetworkInterfaceType.Unknown, TunnelKind.OtherTunnel)]
    [InlineData("ipsec0", NetworkInterfaceType.Unknown, TunnelKind.Ipsec)]
    [InlineData("ppp0", NetworkInterfaceType.Ppp, TunnelKind.Ppp)]
    [InlineData("tun0", NetworkInterfaceType.Unknown, TunnelKind.OtherTunnel)]
    [InlineData("zt3jnkd5z", NetworkInterfaceType.Ethernet, TunnelKind.Mesh)]
    public void Name_decides_the_kind(string name, NetworkInterfaceType type, TunnelKind kind)
    {
        var facts = new MacInterfaceClassifier().Classify(new NetworkInterfaceSnapshot(name, name, type, OperationalStatus.Up, [IPAddress.Parse("10.0.0.2")]));

        Assert.Equal(kind, facts.Kind);
        Assert.Equal(name, facts.Name);
    }
}
