using System.Net;
using System.Net.NetworkInformation;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

// Loopback only: the probe connects a UDP socket, which sends nothing, and loopback exists on every test machine.
public sealed class EgressRouteProbeTests
{
    private static readonly NetworkInterfaceSnapshot Ethernet = Nic("eth0", "192.0.2.2", "fd00::2");
    private static readonly NetworkInterfaceSnapshot Loopback = Nic("lo", "127.0.0.1", "::1");

    [Fact]
    public void Egress_is_the_interface_holding_the_source_address_the_kernel_chose()
    {
        var route = EgressRouteProbe.Instance.FindEgress(IPAddress.Loopback, [Ethernet, Loopback]);

        Assert.Same(Loopback, route.Interface);
        Assert.Equal(IPAddress.Loopback, route.LocalAddress);
        Assert.Null(route.Problem);
    }

    [Fact]
    public void Source_address_on_no_listed_interface_gives_no_interface_and_says_why()
    {
        var route = EgressRouteProbe.Instance.FindEgress(IPAddress.Loopback, [Ethernet]);

        Assert.Null(route.Interface);
        Assert.Equal(IPAddress.Loopback, route.LocalAddress);
        Assert.Contains("on no listed interface", route.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_connect_is_no_route_with_the_socket_error_as_reason()
    {
        // Linux refuses a UDP connect to the broadcast address without SO_BROADCAST (EACCES), like a "prohibit" route.
        var route = EgressRouteProbe.Instance.FindEgress(IPAddress.Broadcast, [Ethernet, Loopback]);

        Assert.Null(route.Interface);
        Assert.Null(route.LocalAddress);
        Assert.StartsWith("no IPv4 route (", route.Problem, StringComparison.Ordinal);
    }

    internal static NetworkInterfaceSnapshot Nic(string name, params string[] addresses) =>
        new(name, name, NetworkInterfaceType.Ethernet, OperationalStatus.Up, addresses.Select(IPAddress.Parse).ToArray());
}
