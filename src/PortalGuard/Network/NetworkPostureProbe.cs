using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PortalGuard.Network;

/// <summary>
/// Answers "does traffic to this portal go through a VPN tunnel?" from the route the kernel would take for each of the
/// portal's addresses. Cheap enough for every page assessment: one interface listing, a few sysfs reads, one unconnected
/// UDP socket per address; no process is started and no packet is sent.
/// </summary>
internal sealed class NetworkPostureProbe : INetworkPostureProbe
{
    private readonly INetworkInterfaceSource _interfaces;
    private readonly IEgressRouteProbe _egress;
    private readonly IInterfaceClassifier _classifier;
    private readonly TimeProvider _time;
    private readonly IResolverSource? _resolvers;

    /// <param name="resolvers">Where to find the DNS resolvers whose routes are checked; null to leave <see cref="NetworkPosture.Resolvers"/> empty.</param>
    public NetworkPostureProbe(INetworkInterfaceSource interfaces, IEgressRouteProbe egress, IInterfaceClassifier classifier, TimeProvider time, IResolverSource? resolvers = null)
    {
        _interfaces = interfaces;
        _egress = egress;
        _classifier = classifier;
        _time = time;
        _resolvers = resolvers;
    }

    /// <summary>The probe over the real operating system.</summary>
    public static NetworkPostureProbe ForCurrentSystem(TimeProvider time) =>
        new(SystemNetworkInterfaceSource.Instance, EgressRouteProbe.Instance, InterfaceClassifiers.ForCurrentOs(), time, ResolverDiscovery.ForCurrentSystem());

    public ValueTask<NetworkPosture> GetPostureAsync(IReadOnlyList<IPAddress> destinations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(GetPosture(destinations));
    }

    private NetworkPosture GetPosture(IReadOnlyList<IPAddress> destinations)
    {
        IReadOnlyList<NetworkInterfaceSnapshot> interfaces;
        try
        {
            interfaces = _interfaces.GetInterfaces();
        }
        catch (NetworkInformationException ex)
        {
            var problem = string.Create(CultureInfo.InvariantCulture, $"the network interfaces could not be listed (error {ex.ErrorCode})");
            return new NetworkPosture(VpnState.Unknown, problem, Egress: null, Ipv6Egress: null, TunnelsUp: [], Ipv6BypassesTunnel: false, _time.GetUtcNow());
        }

        var facts = new Dictionary<NetworkInterfaceSnapshot, NetworkInterfaceFacts>(ReferenceEqualityComparer.Instance);
        NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic)
        {
            if (!facts.TryGetValue(nic, out var known))
            {
                known = _classifier.Classify(nic);
                facts[nic] = known;
            }

            return known;
        }

        var tunnelsUp = interfaces.Where(static nic => nic.IsUpWithRoutableAddress).Select(Classify).Where(static f => f.IsTunnel).ToArray();

        // With no destination, the reference addresses stand for the portal.
        List<IPAddress> own4 = [], own6 = [];
        foreach (var destination in destinations)
        {
            var address = destination.IsIPv4MappedToIPv6 ? destination.MapToIPv4() : destination;
            (address.AddressFamily == AddressFamily.InterNetworkV6 ? own6 : own4).Add(address);
        }

        if (destinations.Count == 0)
        {
            own4.Add(ReferenceDestinations.IPv4);
            own6.Add(ReferenceDestinations.IPv6);
        }

        var routes4 = own4.ConvertAll(d => Trace(d, interfaces, Classify));
        var routes6 = own6.ConvertAll(d => Trace(d, interfaces, Classify));

        // A family the destinations lack is still reported, from its reference address: an IPv4-only portal visited while
        // IPv6 leaves outside the tunnel is still a leak path for the rest of the browser (and its DNS).
        var egress = Representative(routes4.Count > 0 ? routes4 : [Trace(ReferenceDestinations.IPv4, interfaces, Classify)]);
        var ipv6Egress = Representative(routes6.Count > 0 ? routes6 : [Trace(ReferenceDestinations.IPv6, interfaces, Classify)]);

        var (vpn, reason) = DecideVpn(routes4, routes6, tunnelsUp);
        var resolvers = TraceResolvers(interfaces, Classify);
        return new NetworkPosture(
            vpn,
            reason,
            egress,
            ipv6Egress,
            tunnelsUp,
            Ipv6BypassesTunnel: egress is { IsTunnel: true } && ipv6Egress is { IsTunnel: false },
            _time.GetUtcNow())
        {
            Resolvers = resolvers,
            DnsOutsideTunnel = vpn is VpnState.On && resolvers.Any(static r => r.OutsideTunnel),
        };
    }

    /// <summary>The route a query to each outbound resolver would take: the same kernel question as for the portal, no packet sent.</summary>
    private ResolverFacts[] TraceResolvers(IReadOnlyList<NetworkInterfaceSnapshot> interfaces, Func<NetworkInterfaceSnapshot, NetworkInterfaceFacts> classify)
    {
        if (_resolvers is null)
        {
            return [];
        }

        var outbound = _resolvers.Discover().Outbound;
        var facts = new ResolverFacts[outbound.Count];
        for (var i = 0; i < outbound.Count; i++)
        {
            var address = outbound[i].IsIPv4MappedToIPv6 ? outbound[i].MapToIPv4() : outbound[i];
            var onThisMachine = IPAddress.IsLoopback(address)
                || address.Equals(IPAddress.Any)
                || address.Equals(IPAddress.IPv6Any)
                || interfaces.Any(nic => nic.Addresses.Contains(address));
            var route = Trace(address, interfaces, classify);
            facts[i] = new ResolverFacts(address, route.Facts, InsideTunnel: !onThisMachine && route.Facts is { IsTunnel: true }, onThisMachine);
        }

        return facts;
    }

    private TracedRoute Trace(IPAddress destination, IReadOnlyList<NetworkInterfaceSnapshot> interfaces, Func<NetworkInterfaceSnapshot, NetworkInterfaceFacts> classify)
    {
        var route = _egress.FindEgress(destination, interfaces);
        return new TracedRoute(route, route.Interface is null ? null : classify(route.Interface));
    }

    /// <summary>
    /// The family that carries the destination's traffic decides: IPv4 when any IPv4 address has a route, else IPv6
    /// (IPv6 leaking beside an IPv4 tunnel is reported apart, as <see cref="NetworkPosture.Ipv6BypassesTunnel"/>).
    /// </summary>
    private static (VpnState Vpn, string? Reason) DecideVpn(List<TracedRoute> routes4, List<TracedRoute> routes6, NetworkInterfaceFacts[] tunnelsUp)
    {
        var carrying = routes4.Exists(static r => r.Route.LocalAddress is not null) ? routes4
            : routes6.Exists(static r => r.Route.LocalAddress is not null) ? routes6
            : null;
        if (carrying is null)
        {
            var problems = routes4.Concat(routes6).Select(static r => r.Route.Problem).OfType<string>().Distinct(StringComparer.Ordinal);
            return (VpnState.Unknown, "no route to the destination: " + string.Join("; ", problems));
        }

        var routed = carrying.Where(static r => r.Route.LocalAddress is not null).ToArray();
        if (Array.Find(routed, static r => r.Facts is null) is { } unmatched)
        {
            return (VpnState.Unknown, unmatched.Route.Problem);
        }

        if (Array.TrueForAll(routed, static r => r.Facts!.IsTunnel))
        {
            return (VpnState.On, null);
        }

        // A mesh overlay (Tailscale, ZeroTier) up beside the route taken is no VPN that this destination skips.
        return Array.Exists(tunnelsUp, static t => t.Kind is not TunnelKind.Mesh) ? (VpnState.Split, null) : (VpnState.Off, null);
    }

    /// <summary>The interface to report for a family: one that bypasses a tunnel if any address does (that is the leak), else the first.</summary>
    private static NetworkInterfaceFacts? Representative(List<TracedRoute> routes) =>
        routes.Find(static r => r.Facts is { IsTunnel: false })?.Facts ?? routes.Find(static r => r.Facts is not null)?.Facts;

    private sealed record TracedRoute(EgressRoute Route, NetworkInterfaceFacts? Facts);
}
