using System.Net;
using PortalGuard.Network;

namespace PortalGuard.IntegrationTests.Network;

// The DNS half of the lab: a "VPN resolver" on the server's tunnel address and an "ISP resolver" on its end of the ISP
// link, both dnsmasq, both authoritative for .test only. The client namespace's resolv.conf names one or the other.
public sealed class DnsLabTests
{
    [DnsLabFact]
    public async Task Vpn_on_with_the_isp_resolver_is_dns_outside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);

        var posture = await lab.ProbeAsync(WireGuardLab.PortalV4);

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.True(posture.DnsOutsideTunnel);
        var resolver = Assert.Single(posture.Resolvers);
        Assert.Equal(IPAddress.Parse(WireGuardLab.IspResolverAddress), resolver.Address);
        Assert.Equal(new NetworkInterfaceFacts(lab.ClientLink, TunnelKind.None, Provider: null), resolver.Egress);
        Assert.False(resolver.InsideTunnel);
    }

    [DnsLabFact]
    public async Task Vpn_on_with_the_vpn_resolver_keeps_dns_inside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.VpnResolverAddress);

        var posture = await lab.ProbeAsync(WireGuardLab.PortalV4);

        Assert.Equal(VpnState.On, posture.Vpn);
        Assert.False(posture.DnsOutsideTunnel);
        var resolver = Assert.Single(posture.Resolvers);
        Assert.Equal(lab.ClientTunnel, resolver.Egress?.Name);
        Assert.True(resolver.InsideTunnel);
    }

    [DnsLabFact]
    public async Task Isp_resolver_answering_a_private_address_for_the_portal_is_suspicious()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);

        var resolution = await lab.ResolveAsync(WireGuardLab.PortalName);

        Assert.Equal(ResolutionOutcome.Resolved, resolution.Outcome);
        Assert.True(resolution.Suspicious);
        Assert.Equal(IPAddress.Parse(WireGuardLab.PortalHijackedAnswer), resolution.SuspiciousAddress);
        Assert.Equal(SpecialAddressRange.Private, resolution.SuspiciousRange);
        Assert.True(lab.IspResolver!.QueriesFor(WireGuardLab.PortalName) > 0, "the ISP resolver logged no query");
        Assert.Equal(0, lab.VpnResolver!.QueriesFor(WireGuardLab.PortalName));
    }

    [DnsLabFact]
    public async Task Vpn_resolver_reached_through_the_tunnel_answers_a_public_address_that_is_not_suspicious()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.VpnResolverAddress);

        var resolution = await lab.ResolveAsync(WireGuardLab.PortalName);

        Assert.Equal(ResolutionOutcome.Resolved, resolution.Outcome);
        Assert.Equal([IPAddress.Parse(WireGuardLab.PortalPublicAnswer)], resolution.Addresses);
        Assert.False(resolution.Suspicious);
        Assert.True(lab.VpnResolver!.QueriesFor(WireGuardLab.PortalName) > 0, "the VPN resolver logged no query");
        Assert.Equal(0, lab.IspResolver!.QueriesFor(WireGuardLab.PortalName));
    }
}
