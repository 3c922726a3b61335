using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

/// <summary>A made-up machine: interfaces known by name, and which one the kernel would route each destination through.</summary>
internal sealed class FakeNetwork : INetworkInterfaceSource, IEgressRouteProbe, IInterfaceClassifier
{
    /// <summary>The kind each interface name stands for in these tests.</summary>
    private static readonly Dictionary<string, TunnelKind> Kinds = new(StringComparer.Ordinal)
    {
        ["eth0"] = TunnelKind.None,
        ["wlan0"] = TunnelKind.None,
        ["wg0"] = TunnelKind.Wireguard,
        ["tun0"] = TunnelKind.Openvpn,
        ["tailscale0"] = TunnelKind.Mesh,
        ["utun0"] = TunnelKind.OtherTunnel,
    };

    private readonly List<NetworkInterfaceSnapshot> _interfaces = [];
    private readonly Dictionary<IPAddress, string?> _routes = [];
    private string? _defaultV4;
    private string? _defaultV6;

    /// <summary>Interfaces that are up, each with one IPv4 and one global IPv6 address.</summary>
    public static FakeNetwork WithInterfacesUp(string commaSeparatedNames)
    {
        var network = new FakeNetwork();
        var index = 2;
        foreach (var name in commaSeparatedNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            network.Add(name, OperationalStatus.Up, $"10.0.{index}.2", $"fd00:{index}::2");
            index++;
        }

        return network;
    }

    public FakeNetwork Add(string name, OperationalStatus status, params string[] addresses)
    {
        _interfaces.Add(new NetworkInterfaceSnapshot(name, name, NetworkInterfaceType.Unknown, status, addresses.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    /// <summary>Where the default routes go; "-" or null for no route in that family.</summary>
    public FakeNetwork DefaultRoutes(string? v4, string? v6)
    {
        _defaultV4 = v4 is "-" ? null : v4;
        _defaultV6 = v6 is "-" ? null : v6;
        return this;
    }

    /// <summary>A host route for one destination, as a split tunnel or a /32 exception installs it.</summary>
    public FakeNetwork Route(string destination, string? via)
    {
        _routes[IPAddress.Parse(destination)] = via;
        return this;
    }

    public IReadOnlyList<NetworkInterfaceSnapshot> GetInterfaces() => _interfaces;

    public EgressRoute FindEgress(IPAddress destination, IReadOnlyList<NetworkInterfaceSnapshot> interfaces)
    {
        var v6 = destination.AddressFamily == AddressFamily.InterNetworkV6;
        var via = _routes.TryGetValue(destination, out var specific) ? specific : v6 ? _defaultV6 : _defaultV4;
        if (via is null)
        {
            return EgressRoute.NoRoute(destination, v6 ? "no IPv6 route (NetworkUnreachable)" : "no IPv4 route (NetworkUnreachable)");
        }

        var nic = interfaces.First(n => n.Name == via);
        var local = nic.Addresses.First(a => a.AddressFamily == destination.AddressFamily);
        return EgressRoute.Through(destination, local, nic);
    }

    public NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic) => new(nic.Name, Kinds[nic.Name], Provider: null);
}
