using Xunit;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>
/// A test that needs the network-namespace VPN lab: skipped, with the reason, on a machine that cannot build it, unless the
/// run is CI (<c>CI</c> set) or <c>PORTALGUARD_REQUIRE_LAB=1</c>, where a missing prerequisite must fail instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NetworkLabFactAttribute : FactAttribute
{
    /// <param name="extraTools">Tools this test needs beyond the WireGuard lab's (openvpn, nft).</param>
    public NetworkLabFactAttribute(params string[] extraTools)
    {
        var missing = WireGuardLab.MissingPrerequisite();
        if (missing is null && extraTools.Where(tool => LabProcess.FindOnPath(tool) is null).ToArray() is { Length: > 0 } tools)
        {
            missing = "missing " + string.Join(", ", tools);
        }

        if (missing is not null && !WireGuardLab.IsRequired)
        {
            Skip = $"network lab skipped: {missing}. It needs root, /dev/net/tun, bash, ip, wg and wireguard-go "
                + "(apt: iproute2 wireguard-tools wireguard-go, and openvpn, nftables where a test says so; listed in .ci/apt-packages). "
                + "Set PORTALGUARD_REQUIRE_LAB=1 to fail instead.";
        }
    }
}
