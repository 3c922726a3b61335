namespace PortalGuard.IntegrationTests.Network;

// A VPN client's kill switch (nftables, output policy drop except loopback, the tunnel and the tunnel's own UDP) in the
// lab's client namespace. PortalGuard reads routes, not the firewall: the posture says where traffic would be routed.
public sealed class KillSwitchLabTests
{
    [NetworkLabFact("nft")]
    public async Task Kill_switch_with_the_tunnel_up_is_on_and_the_tunnel_still_carries_traffic()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        Assert.True(await lab.IspLinkCarriesTrafficAsync(), "the ISP link carried nothing even before the kill switch");
        await lab.EnableKillSwitchAsync();

        var posture = await lab.ProbeAsync();

        Assert.Equal("on", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientTunnel, "wireguard"), posture.Egress);
        Assert.True(await lab.TunnelCarriesTrafficAsync(), "the kill switch stopped the tunnel's own UDP");
        Assert.False(await lab.IspLinkCarriesTrafficAsync(), "the kill switch let ordinary traffic out on the ISP link");
    }

    [NetworkLabFact("nft")]
    public async Task Kill_switch_with_the_tunnel_down_is_off_because_the_route_is_the_isp_link_though_nothing_leaves()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.EnableKillSwitchAsync();
        await lab.BringTunnelDownAsync();

        var posture = await lab.ProbeAsync();

        // "off" is what a user needs to hear: the VPN is not protecting this portal and the page will not load until it is
        // back. PortalGuard never says "on" because a firewall blocks the ISP link: that would hide a dead tunnel.
        Assert.Equal("off", posture.Vpn);
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Egress);
        Assert.Empty(posture.TunnelsUp);
        Assert.False(await lab.IspLinkCarriesTrafficAsync(), "the kill switch let ordinary traffic out on the ISP link");
    }
}
