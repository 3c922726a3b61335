using System.Net;

namespace PortalGuard.Network;

/// <summary>Finds the interface the kernel would send traffic for a destination through.</summary>
internal interface IEgressRouteProbe
{
    /// <summary>The egress for <paramref name="destination"/>, matched against <paramref name="interfaces"/> (listed once by the caller for a whole posture check).</summary>
    EgressRoute FindEgress(IPAddress destination, IReadOnlyList<NetworkInterfaceSnapshot> interfaces);
}
