namespace PortalGuard.IntegrationTests.Network;

// `portalguard status --json` inside the lab's client namespace with a real OpenVPN tunnel (p2p static key, no DCO).
public sealed class OpenVpnLabTests
{
    [NetworkLabFact("openvpn")]
    public async Task OpenVpn_with_def1_routes_is_on_with_kind_openvpn()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartOpenVpnAsync(redirectGateway: true);

        var posture = await lab.ProbeAsync();

        // def1 leaves the ISP default route in place and outranks it with 0.0.0.0/1 + 128.0.0.0/1: only the real route shows it.
        Assert.Equal("on", posture.Vpn);
        Assert.Equal(new LabInterface(lab.OpenVpnClientTunnel, "openvpn"), posture.Egress);
        Assert.Contains(new LabInterface(lab.OpenVpnClientTunnel, "openvpn"), posture.TunnelsUp);

        // The OpenVPN configuration carries IPv4 only: IPv6 still leaves by the ISP link.
        Assert.Equal(new LabInterface(lab.ClientLink, "none"), posture.Ipv6Egress);
        Assert.True(posture.Ipv6BypassesTunnel);
    }
}
