using PortalGuard.Network;
using Xunit;

namespace PortalGuard.Tests.Network;

public sealed class InterfaceNameRulesTests
{
    [Theory]
    [InlineData("wg0", TunnelKind.Wireguard)]
    [InlineData("WG0", TunnelKind.Wireguard)]
    [InlineData("wg-mullvad", TunnelKind.Wireguard)]
    [InlineData("nordlynx", TunnelKind.Wireguard)]
    [InlineData("nordtun", TunnelKind.Openvpn)]
    [InlineData("tun0", TunnelKind.OtherTunnel)]
    [InlineData("tap1", TunnelKind.OtherTunnel)]
    [InlineData("utun3", TunnelKind.OtherTunnel)]
    [InlineData("ppp0", TunnelKind.Ppp)]
    [InlineData("ipsec0", TunnelKind.Ipsec)]
    [InlineData("tailscale0", TunnelKind.Mesh)]
    [InlineData("zt7nnig26", TunnelKind.Mesh)]
    [InlineData("proton0", TunnelKind.OtherTunnel)]
    [InlineData("pvpnksintrf0", TunnelKind.OtherTunnel)]
    [InlineData("eth0", null)]
    [InlineData("enp3s0", null)]
    [InlineData("Wi-Fi", null)]
    public void Name_prefix_gives_the_kind(string name, TunnelKind? kind) =>
        Assert.Equal(kind, InterfaceNameRules.KindForName(name));

    [Theory]
    [InlineData("wg0-mullvad", "Mullvad")]
    [InlineData("nordlynx", "NordVPN")]
    [InlineData("pvpnksintrf0", "ProtonVPN")]
    [InlineData("proton0", "ProtonVPN")]
    [InlineData("tailscale0", "Tailscale")]
    [InlineData("wg0", null)]
    public void Name_gives_the_provider_when_it_says_it(string name, string? provider) =>
        Assert.Equal(provider, InterfaceNameRules.ProviderFor(name));

    [Fact]
    public void Name_is_asked_before_description()
    {
        Assert.Equal("Mullvad", InterfaceNameRules.ProviderFor("mullvad-se9", "TAP-ProtonVPN Windows Adapter V9"));
        Assert.Equal("ProtonVPN", InterfaceNameRules.ProviderFor("Ethernet 4", "TAP-ProtonVPN Windows Adapter V9"));
    }
}
