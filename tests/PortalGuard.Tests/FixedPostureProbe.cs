using System.Net;
using PortalGuard.Network;

namespace PortalGuard.Tests;

/// <summary>A posture probe that reports a posture the test chose: the assessor's input, not the OS's.</summary>
internal sealed class FixedPostureProbe(NetworkPosture posture) : INetworkPostureProbe
{
    public NetworkPosture Posture { get; set; } = posture;

    public int Calls { get; private set; }

    public static NetworkPosture Off { get; } = new(VpnState.Off, null, new NetworkInterfaceFacts("eth0", TunnelKind.None, null), null, [], false, DateTimeOffset.UnixEpoch);

    public static NetworkPosture On { get; } = new(VpnState.On, null, new NetworkInterfaceFacts("wg0", TunnelKind.Wireguard, null), null, [new NetworkInterfaceFacts("wg0", TunnelKind.Wireguard, null)], false, DateTimeOffset.UnixEpoch);

    public ValueTask<NetworkPosture> GetPostureAsync(IReadOnlyList<IPAddress> destinations, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(Posture);
    }
}
