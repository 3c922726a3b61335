using System.Globalization;
using PortalGuard.Network;
using Xunit;

namespace PortalGuard.IntegrationTests.Network;

// The real probe on the machine running the tests, as it is: an ordinary link with the default route and no VPN
// (the build and CI machines). No packet is sent: the probe only asks the kernel for routes.
public sealed class HostNetworkPostureTests
{
    [Fact]
    public async Task Reference_egress_is_the_default_route_interface_and_the_vpn_is_off()
    {
        var defaultInterface = MainTableDefaultRouteInterface();
        Assert.True(defaultInterface is not null, "this test expects an IPv4 default route in the main table");

        var posture = await NetworkPostureProbe.ForCurrentSystem(TimeProvider.System).GetPostureAsync([], CancellationToken.None);

        Assert.Equal(VpnState.Off, posture.Vpn);
        Assert.Null(posture.VpnUnknownReason);
        Assert.Equal(new NetworkInterfaceFacts(defaultInterface, TunnelKind.None, Provider: null), posture.Egress);
        Assert.False(posture.Ipv6BypassesTunnel);
        Assert.Empty(posture.TunnelsUp);
    }

    /// <summary>The interface of the lowest-metric default route in /proc/net/route (main table only).</summary>
    private static string? MainTableDefaultRouteInterface() =>
        File.ReadLines("/proc/net/route")
            .Skip(1)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length > 7 && fields[1] == "00000000" && fields[7] == "00000000")
            .OrderBy(fields => int.Parse(fields[6], CultureInfo.InvariantCulture))
            .Select(fields => fields[0])
            .FirstOrDefault();
}
