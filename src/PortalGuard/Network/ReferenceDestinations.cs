using System.Net;

namespace PortalGuard.Network;

/// <summary>
/// Public addresses whose route stands for "the internet" when no portal address is known. No packet is ever sent to them:
/// the egress probe only connects a UDP socket, which asks the kernel for a route.
/// </summary>
/// <remarks>
/// a.root-servers.net (198.41.0.4, 2001:503:ba3e::2:30): global unicast, announced worldwide, unchanged for decades (IPv6
/// since 2008). Not a documentation range (192.0.2.0/24 can be on-link: it is on this project's build machines) and not a
/// popular resolver such as 1.1.1.1 or 8.8.8.8, to which VPN clients add host routes and some routers give a local meaning,
/// so the route found is the default route a portal's address would also follow.
/// </remarks>
internal static class ReferenceDestinations
{
    public static IPAddress IPv4 { get; } = IPAddress.Parse("198.41.0.4");

    public static IPAddress IPv6 { get; } = IPAddress.Parse("2001:503:ba3e::2:30");
}
