using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

public sealed class NetworkPostureProbeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    // IPv4 egress, IPv6 egress ("-": no route), interfaces up,   VPN,               IPv6 bypasses the tunnel
    [InlineData("eth0", "eth0", "eth0", VpnState.Off, false)]
    [InlineData("wg0", "wg0", "eth0,wg0", VpnState.On, false)]
    [InlineData("tun0", "tun0", "wlan0,tun0", VpnState.On, false)]
    [InlineData("wg0", "eth0", "eth0,wg0", VpnState.On, true)] // IPv4-only tunnel, IPv6 still on the ISP link
    [InlineData("wg0", "-", "eth0,wg0", VpnState.On, false)] // IPv6 has no route at all: nothing to leak through
    [InlineData("eth0", "eth0", "eth0,wg0", VpnState.Split, false)] // tunnel up, routes to the internet not through it
    [InlineData("wlan0", "wlan0", "wlan0,tun0,tailscale0", VpnState.Split, false)]
    [InlineData("eth0", "eth0", "eth0,tailscale0", VpnState.Off, false)] // a mesh overlay up is not a VPN this traffic skips
    [InlineData("tailscale0", "eth0", "eth0,tailscale0", VpnState.On, true)] // a Tailscale exit node carries IPv4
    [InlineData("-", "eth0", "eth0", VpnState.Off, false)] // IPv6-only network: IPv6 carries the traffic
    [InlineData("-", "wg0", "eth0,wg0", VpnState.On, false)]
    [InlineData("-", "-", "eth0", VpnState.Unknown, false)]
    public async Task Reference_routes_decide_the_posture_when_no_destination_is_given(string egress4, string egress6, string up, VpnState vpn, bool ipv6Bypasses)
    {
        var network = FakeNetwork.WithInterfacesUp(up).DefaultRoutes(egress4, egress6);

        var posture = await ProbeAsync(network, []);

        Assert.Equal(vpn, posture.Vpn);
        Assert.Equal(ipv6Bypasses, posture.Ipv6BypassesTunnel);
        Assert.Equal(egress4 is "-" ? null : egress4, posture.Egress?.Name);
        Assert.Equal(egress6 is "-" ? null : egress6, posture.Ipv6Egress?.Name);
        Assert.Equal(vpn is VpnState.Unknown, posture.VpnUnknownReason is not null);
    }

    [Fact]
    public async Task No_route_at_all_is_unknown_with_the_kernels_reasons()
    {
        var posture = await ProbeAsync(FakeNetwork.WithInterfacesUp("eth0").DefaultRoutes("-", "-"), []);

        Assert.Equal(VpnState.Unknown, posture.Vpn);
        Assert.Equal("no route to the destination: no IPv4 route (NetworkUnreachable); no IPv6 route (NetworkUnreachable)", posture.VpnUnknownReason);
        Assert.Null(posture.Egress);
        Assert.Null(posture.Ipv6Egress);
    }

    [Fact]
    public async Task Destination_with_a_host_route_outside_the_tunnel_is_split()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0").Route("203.0.113.7", "eth0");

        var portal = await ProbeAsync(network, [IPAddress.Parse("203.0.113.7")]);
        var elsewhere = await ProbeAsync(network, [IPAddress.Parse("203.0.113.8")]);

        Assert.Equal(VpnState.Split, portal.Vpn);
        Assert.Equal("eth0", portal.Egress?.Name);
        Assert.Equal(VpnState.On, elsewhere.Vpn);
    }

    [Fact]
    public async Task One_address_of_the_portal_outside_the_tunnel_makes_it_split_and_is_the_egress_reported()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0").Route("203.0.113.8", "eth0");

        var posture = await ProbeAsync(network, [IPAddress.Parse("203.0.113.7"), IPAddress.Parse("203.0.113.8")]);

        Assert.Equal(VpnState.Split, posture.Vpn);
        Assert.Equal("eth0", posture.Egress?.Name);
    }

    [Fact]
    public async Task IPv4_only_portal_through_the_tunnel_still_reports_IPv6_leaking_beside_it()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "eth0");

        var posture = await ProbeAsync(network, [IPAddress.Parse("203.0.113.7")]);

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.Equal("eth0", posture.Ipv6Egress?.Name);
        Assert.True(posture.Ipv6BypassesTunnel);
    }

    [Fact]
    public async Task IPv6_only_portal_is_decided_by_its_IPv6_route()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("eth0", "wg0");

        var posture = await ProbeAsync(network, [IPAddress.Parse("2001:db8::7")]);

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.Equal("wg0", posture.Ipv6Egress?.Name);
        Assert.False(posture.Ipv6BypassesTunnel);
    }

    [Fact]
    public async Task IPv4_mapped_destination_counts_as_IPv4()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "eth0");

        var posture = await ProbeAsync(network, [IPAddress.Parse("::ffff:203.0.113.7")]);

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.Equal("wg0", posture.Egress?.Name);
    }

    [Fact]
    public async Task Tunnels_up_lists_every_tunnel_with_a_routable_address_mesh_included()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0,tailscale0")
            .Add("tun0", OperationalStatus.Down, "10.8.0.2")
            .Add("utun0", OperationalStatus.Up, "fe80::1") // macOS keeps utun0..3 up for its own services, link-local only
            .DefaultRoutes("eth0", "eth0");

        var posture = await ProbeAsync(network, []);

        Assert.Equal(["wg0", "tailscale0"], posture.TunnelsUp.Select(t => t.Name));
        Assert.Equal(VpnState.Split, posture.Vpn);
    }

    [Fact]
    public async Task Tunnel_that_is_down_leaves_the_vpn_off()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0").Add("wg0", OperationalStatus.Down, "10.9.0.2").DefaultRoutes("eth0", "eth0");

        var posture = await ProbeAsync(network, []);

        Assert.Equal(VpnState.Off, posture.Vpn);
        Assert.Empty(posture.TunnelsUp);
    }

    [Fact]
    public async Task Source_address_on_no_interface_is_unknown_with_the_reason()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0");
        var egress = new UnmatchedEgress();

        var posture = await new NetworkPostureProbe(network, egress, network, new FakeTimeProvider(Now))
            .GetPostureAsync([], CancellationToken.None);

        Assert.Equal(VpnState.Unknown, posture.Vpn);
        Assert.Equal(UnmatchedEgress.Problem, posture.VpnUnknownReason);
    }

    [Fact]
    public async Task Interfaces_that_cannot_be_listed_give_unknown_with_the_reason()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0").DefaultRoutes("eth0", "eth0");
        var failing = new FailingInterfaceSource();

        var posture = await new NetworkPostureProbe(failing, network, network, new FakeTimeProvider(Now)).GetPostureAsync([], CancellationToken.None);

        Assert.Equal(VpnState.Unknown, posture.Vpn);
        Assert.Equal("the network interfaces could not be listed (error 5)", posture.VpnUnknownReason);
        Assert.Equal(Now, posture.CheckedAt);
    }

    [Fact]
    public async Task Checked_at_comes_from_the_time_provider()
    {
        var posture = await ProbeAsync(FakeNetwork.WithInterfacesUp("eth0").DefaultRoutes("eth0", "eth0"), []);

        Assert.Equal(Now, posture.CheckedAt);
    }

    [Fact]
    public async Task Cancelled_request_throws_before_probing()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0").DefaultRoutes("eth0", "eth0");
        var probe = new NetworkPostureProbe(network, network, network, new FakeTimeProvider(Now));

        await Assert.ThrowsAsync<OperationCanceledException>(() => probe.GetPostureAsync([], new CancellationToken(canceled: true)).AsTask());
    }

    private static ValueTask<NetworkPosture> ProbeAsync(FakeNetwork network, IPAddress[] destinations) =>
        new NetworkPostureProbe(network, network, network, new FakeTimeProvider(Now)).GetPostureAsync(destinations, CancellationToken.None);

    private sealed class FailingInterfaceSource : INetworkInterfaceSource
    {
        public IReadOnlyList<NetworkInterfaceSnapshot> GetInterfaces() => throw new NetworkInformationException(5);
    }

    private sealed class UnmatchedEgress : IEgressRouteProbe
    {
        public const string Problem = "the IPv4 source address the kernel chose is on no listed interface";

        public EgressRoute FindEgress(IPAddress destination, IReadOnlyList<NetworkInterfaceSnapshot> interfaces) =>
            new(destination, IPAddress.Parse("10.99.0.2"), Interface: null, Problem);
    }
}
