namespace PortalGuard.IntegrationTests.Network;

/// <summary><c>portalguard check</c> as a person runs it, inside the lab's client namespace: real DNS, real routes, the whole verdict.</summary>
public sealed class CheckInLabTests
{
    [DnsLabFact]
    public async Task A_resolver_that_hijacks_the_portal_name_blocks_the_sign_in()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);

        var check = await lab.CheckPortalAsync();

        var dns = check.GetProperty("dns");
        Assert.Equal(WireGuardLab.PortalHijackedAnswer, dns.GetProperty("suspiciousAddress").GetString());
        Assert.Equal("private", dns.GetProperty("suspiciousRange").GetString());
        Assert.True(lab.IspResolver!.QueriesFor(WireGuardLab.PortalName) > 0, "the ISP resolver logged no query");
        Assert.Equal(0, lab.VpnResolver!.QueriesFor(WireGuardLab.PortalName));
        var verdict = check.GetProperty("verdict");
        Assert.Equal("block", verdict.GetProperty("level").GetString());
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "dns-answer-suspicious");
        // The lab's tunnel is up but carries no routes yet: the reference addresses bypass it.
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "vpn-split");
    }

    [DnsLabFact]
    public async Task Vpn_on_with_the_isp_resolver_warns_that_dns_leaves_outside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);

        var check = await lab.CheckPortalAsync("--offline");

        Assert.Equal("on", check.GetProperty("network").GetProperty("vpn").GetString());
        var codes = check.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("dns-outside-tunnel", codes);
        Assert.DoesNotContain("vpn-off", codes);
    }
}
