using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

// The DNS half of the lab: a "VPN resolver" on the server's tunnel address and an "ISP resolver" on its end of the ISP
// link, both dnsmasq, both authoritative for .test only. The client namespace's resolv.conf names one or the other.
// The posture comes from `portalguard status --json`, the answers from `portalguard check portal.test --json`'s dns object.
public sealed class DnsLabTests
{
    [DnsLabFact]
    public async Task Vpn_on_with_the_isp_resolver_is_dns_outside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.True(posture.DnsOutsideTunnel);
        var resolver = Assert.Single(posture.Resolvers);
        Assert.Equal(WireGuardLab.IspResolverAddress, resolver.Address);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), resolver.Egress);
        Assert.False(resolver.InsideTunnel);
    }

    [DnsLabFact]
    public async Task Vpn_on_with_the_vpn_resolver_keeps_dns_inside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.VpnResolverAddress);

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.False(posture.DnsOutsideTunnel);
        var resolver = Assert.Single(posture.Resolvers);
        Assert.Equal(lab.ClientTunnel, resolver.Egress?.Name);
        Assert.True(resolver.InsideTunnel);
    }

    [DnsLabFact]
    public async Task Vpn_resolver_reached_through_the_tunnel_answers_a_public_address_that_is_not_suspicious()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.VpnResolverAddress);

        var check = await lab.CheckPortalAsync();

        var dns = check.GetProperty("dns");
        Assert.Equal("resolved", dns.GetProperty("outcome").GetString());
        Assert.Equal([WireGuardLab.PortalPublicAnswer], dns.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        Assert.False(dns.TryGetProperty("suspiciousAddress", out var suspicious) && suspicious.ValueKind != JsonValueKind.Null);

        // The posture is for the portal's own (resolved) address, which follows the tunnel.
        Assert.Equal("on", check.GetProperty("network").GetProperty("vpn").GetString());
        Assert.True(lab.VpnResolver!.QueriesFor(WireGuardLab.PortalName) > 0, "the VPN resolver logged no query");
        Assert.Equal(0, lab.IspResolver!.QueriesFor(WireGuardLab.PortalName));
    }
}
