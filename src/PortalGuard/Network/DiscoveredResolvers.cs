using System.Net;

namespace PortalGuard.Network;

/// <summary>The DNS resolvers this machine uses.</summary>
/// <param name="Configured">What applications send their queries to (<c>/etc/resolv.conf</c>, or the adapters' DNS servers on Windows).</param>
/// <param name="Outbound">
/// Where queries leave this machine: the same list, except that systemd-resolved's stub (127.0.0.53) is replaced by its
/// upstream servers when they can be read.
/// </param>
/// <param name="ViaSystemdResolved">The configured list is only systemd-resolved's stub and <paramref name="Outbound"/> holds its upstream servers.</param>
internal sealed record DiscoveredResolvers(IReadOnlyList<IPAddress> Configured, IReadOnlyList<IPAddress> Outbound, bool ViaSystemdResolved)
{
    public static DiscoveredResolvers None { get; } = new([], [], ViaSystemdResolved: false);
}
