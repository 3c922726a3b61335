using System.Net;

namespace PortalGuard.Network;

/// <summary>Where the kernel would send traffic for one destination.</summary>
/// <param name="LocalAddress">The source address the kernel chose; null when there is no route.</param>
/// <param name="Interface">The interface that holds <paramref name="LocalAddress"/>; null when there is no route or no interface holds it.</param>
/// <param name="Problem">Why there is no egress interface; null when there is one.</param>
internal sealed record EgressRoute(IPAddress Destination, IPAddress? LocalAddress, NetworkInterfaceSnapshot? Interface, string? Problem)
{
    public static EgressRoute Through(IPAddress destination, IPAddress localAddress, NetworkInterfaceSnapshot nic) =>
        new(destination, localAddress, nic, Problem: null);

    public static EgressRoute NoRoute(IPAddress destination, string problem) =>
        new(destination, LocalAddress: null, Interface: null, problem);
}
