using System.Net;

namespace PortalGuard.Network;

/// <summary>Gathers the network posture from the operating system.</summary>
public interface INetworkPostureProbe
{
    /// <summary>The posture for traffic to <paramref name="destinations"/>; for the public reference addresses when it is empty.</summary>
    ValueTask<NetworkPosture> GetPostureAsync(IReadOnlyList<IPAddress> destinations, CancellationToken cancellationToken);
}
