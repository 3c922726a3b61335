using PortalGuard.Network;

namespace PortalGuard.IntegrationTests.Network;

// `portalguard status --json`, run inside the lab's client namespace, against a real WireGuard tunnel. Each test builds its
// own lab. status reports the posture for the reference addresses, which follow the client's default routes.
public sealed class WireGuardLabTests
{
    [NetworkLabFact]
    public async Task Full_tunnel_with_wg_quick_policy_routing_is_on_with_kind_wireguard()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientTunnel, "wireguard"), posture.Egress);
        Assert.Equal(lab.ClientTunnel, posture.Ipv6Egress?.Name);
        Assert.False(posture.Ipv6BypassesTunnel);
        Assert.Equal([new LabInterface(lab.ClientTunnel, "wireguard")], posture.TunnelsUp);
        Assert.True(await lab.TunnelCarriesTrafficAsync(), "the lab's WireGuard tunnel completed no handshake");
    }

    [NetworkLabFact]
    public async Task Default_route_through_the_tunnel_in_the_main_table_is_on()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteDefaultThroughTunnelInMainTableAsync();

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.Equal(lab.ClientTunnel, posture.Egress?.Name);
    }

    [NetworkLabFact]
    public async Task Tunnel_up_with_no_route_through_it_is_split()
    {
        await using var lab = await WireGuardLab.StartAsync();

        var posture = await lab.ProbeAsync();

        Assert.Equal("split", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Egress);
        Assert.Equal([lab.ClientTunnel], posture.TunnelsUp.Select(t => t.Name));
    }

    [NetworkLabFact]
    public async Task Full_tunnel_with_a_host_route_outside_it_for_the_destination_is_split()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);

        // What a split-tunnel exclusion installs; wg-quick's suppress_prefixlength rule lets this /32 in the main table win.
        await lab.RouteOutsideTunnelAsync(ReferenceDestinations.IPv4.ToString());

        var posture = await lab.ProbeAsync();

        Assert.Equal("split", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Egress);
        Assert.Equal([lab.ClientTunnel], posture.TunnelsUp.Select(t => t.Name));
    }

    [NetworkLabFact]
    public async Task IPv4_only_tunnel_with_IPv6_on_the_isp_link_reports_ipv6_bypassing_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync(tunnelCarriesIPv6: false);
        await lab.RouteEverythingThroughTunnelAsync(ipv6: false);

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.Equal(lab.ClientTunnel, posture.Egress?.Name);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Ipv6Egress);
        Assert.True(posture.Ipv6BypassesTunnel);
    }

    [NetworkLabFact]
    public async Task Tunnel_brought_down_leaves_the_vpn_off()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.BringTunnelDownAsync();

        var posture = await lab.ProbeAsync();

        Assert.Equal("off", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Egress);
        Assert.Equal(lab.ClientLink, posture.Ipv6Egress?.Name);
        Assert.Empty(posture.TunnelsUp);
    }

    [NetworkLabFact]
    public async Task No_route_to_the_portal_is_unknown_with_a_reason()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RemoveDefaultRoutesAsync();

        var posture = await lab.ProbeAsync();

        Assert.Equal("unknown", posture.Vpn);
        Assert.StartsWith("no route to the destination: no IPv4 route (NetworkUnreachable)", posture.VpnUnknownReason, StringComparison.Ordinal);
    }
}
