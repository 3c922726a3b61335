using System.Net;
using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

// The DNS half of the posture: each outbound resolver's route, and whether a VPN that is on lets a resolver leak outside it.
public sealed class NetworkPostureResolverTests
{
    [Theory]
    // default route, resolver, host route for the resolver ("-": none), dnsOutsideTunnel, resolver's egress, inside the tunnel
    [InlineData("wg0", "10.0.2.1", "eth0", true, "eth0", false)] // the ISP's resolver on the LAN, reached beside the tunnel
    [InlineData("wg0", "10.64.0.1", "-", false, "wg0", true)] // the VPN provider's resolver, through the tunnel
    [InlineData("wg0", "9.9.9.9", "-", false, "wg0", true)] // a public resolver, through the tunnel like everything else
    [InlineData("wg0", "9.9.9.9", "eth0", true, "eth0", false)] // excluded from the tunnel by a host route
    [InlineData("eth0", "10.0.2.1", "-", false, "eth0", false)] // no VPN: nothing to leak out of
    [InlineData("eth0", "9.9.9.9", "-", false, "eth0", false)]
    public async Task Resolver_reached_outside_a_tunnel_that_is_on_is_a_dns_leak(string defaultRoute, string resolver, string hostRoute, bool outside, string egress, bool inside)
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes(defaultRoute, defaultRoute);
        if (hostRoute != "-")
        {
            network.Route(resolver, hostRoute);
        }

        var posture = await ProbeAsync(network, new FixedResolvers(resolver));

        Assert.Equal(outside, posture.DnsOutsideTunnel);
        var facts = Assert.Single(posture.Resolvers);
        Assert.Equal(IPAddress.Parse(resolver), facts.Address);
        Assert.Equal(egress, facts.Egress?.Name);
        Assert.Equal(inside, facts.InsideTunnel);
        Assert.False(facts.OnThisMachine);
    }

    [Theory]
    [InlineData("127.0.0.53")] // systemd-resolved's stub when its upstream servers cannot be read
    [InlineData("127.0.1.1")] // NetworkManager's dnsmasq
    [InlineData("::1")]
    [InlineData("10.0.2.2")] // a resolver listening on this machine's own LAN address (eth0's, in FakeNetwork)
    public async Task Resolver_on_this_machine_is_no_leak_whatever_its_route(string resolver)
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0").Route(resolver, "eth0");

        var posture = await ProbeAsync(network, new FixedResolvers(resolver));

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.False(posture.DnsOutsideTunnel);
        var facts = Assert.Single(posture.Resolvers);
        Assert.True(facts.OnThisMachine);
        Assert.False(facts.InsideTunnel);
    }

    [Fact]
    public async Task One_resolver_outside_the_tunnel_among_several_is_enough()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0").Route("10.0.2.1", "eth0");

        var posture = await ProbeAsync(network, new FixedResolvers("10.64.0.1", "10.0.2.1"));

        Assert.True(posture.DnsOutsideTunnel);
        Assert.Equal([true, false], posture.Resolvers.Select(r => r.InsideTunnel));
    }

    [Fact]
    public async Task IPv6_resolver_beside_an_IPv4_only_tunnel_leaks()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "eth0");

        var posture = await ProbeAsync(network, new FixedResolvers("2001:4860:4860::8888"));

        Assert.True(posture.Ipv6BypassesTunnel);
        Assert.True(posture.DnsOutsideTunnel);
        Assert.Equal("eth0", posture.Resolvers[0].Egress?.Name);
    }

    [Fact]
    public async Task Resolver_with_no_route_is_listed_without_egress_and_is_no_leak()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "-");

        var posture = await ProbeAsync(network, new FixedResolvers("2001:4860:4860::8888"));

        Assert.False(posture.DnsOutsideTunnel);
        Assert.Null(Assert.Single(posture.Resolvers).Egress);
    }

    [Fact]
    public async Task Outbound_list_is_what_counts_not_the_stub_applications_query()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0").Route("10.0.2.1", "eth0");
        var resolvers = new FixedResolvers("10.0.2.1") { Configured = [IPAddress.Parse("127.0.0.53")] };

        var posture = await ProbeAsync(network, resolvers);

        Assert.Equal([IPAddress.Parse("10.0.2.1")], posture.Resolvers.Select(r => r.Address));
        Assert.True(posture.DnsOutsideTunnel);
    }

    [Fact]
    public async Task Without_a_resolver_source_the_posture_lists_no_resolvers()
    {
        var network = FakeNetwork.WithInterfacesUp("eth0,wg0").DefaultRoutes("wg0", "wg0");

        var posture = await new NetworkPostureProbe(network, network, network, new FakeTimeProvider()).GetPostureAsync([], CancellationToken.None);

        Assert.Empty(posture.Resolvers);
        Assert.False(posture.DnsOutsideTunnel);
    }

    private static ValueTask<NetworkPosture> ProbeAsync(FakeNetwork network, IResolverSource resolvers) =>
        new NetworkPostureProbe(network, network, network, new FakeTimeProvider(), resolvers).GetPostureAsync([], CancellationToken.None);

    private sealed class FixedResolvers(params string[] outbound) : IResolverSource
    {
        public IReadOnlyList<IPAddress> Configured { get; init; } = outbound.Select(IPAddress.Parse).ToArray();

        public DiscoveredResolvers Discover() => new(Configured, outbound.Select(IPAddress.Parse).ToArray(), ViaSystemdResolved: false);
    }
}
