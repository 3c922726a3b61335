namespace PortalGuard.IntegrationTests.Network;

/// <summary>A test that needs the network-namespace VPN lab and dnsmasq in it; skipped or failing as <see cref="NetworkLabFactAttribute"/> says.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DnsLabFactAttribute : FactAttribute
{
    public DnsLabFactAttribute()
    {
        if ((WireGuardLab.MissingPrerequisite() ?? DnsmasqServer.MissingPrerequisite()) is { } missing && !WireGuardLab.IsRequired)
        {
            Skip = $"DNS lab skipped: {missing}. It needs root, /dev/net/tun, bash, ip, wg, wireguard-go and dnsmasq "
                + "(apt: iproute2 wireguard-tools wireguard-go dnsmasq-base, listed in .ci/apt-packages). Set PORTALGUARD_REQUIRE_LAB=1 to fail instead.";
        }
    }
}
