using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PortalGuard.Network;

/// <summary>
/// Asks the kernel which source address it would use for a destination by connecting a UDP socket (which sends nothing),
/// then finds the interface holding that address. This sees the route actually taken, whatever put it there: wg-quick's
/// fwmark policy routing (absent from the main table), OpenVPN's 0/1 + 128/1 routes, split tunnels.
/// </summary>
internal sealed class EgressRouteProbe : IEgressRouteProbe
{
    /// <summary>HTTPS, the port a portal is reached on, in case policy routing looks at the destination port.</summary>
    private const int ProbePort = 443;

    public static EgressRouteProbe Instance { get; } = new();

    public EgressRoute FindEgress(IPAddress destination, IReadOnlyList<NetworkInterfaceSnapshot> interfaces)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(interfaces);

        var family = destination.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        IPAddress local;
        try
        {
            using var socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(new IPEndPoint(destination, ProbePort));
            if (socket.LocalEndPoint is not IPEndPoint endPoint)
            {
                return EgressRoute.NoRoute(destination, $"the kernel chose no {family} source address");
            }

            local = endPoint.Address;
        }
        catch (SocketException ex)
        {
            // ENETUNREACH, EHOSTUNREACH (unreachable route), EACCES (prohibit route), EINVAL (blackhole route),
            // EAFNOSUPPORT (IPv6 switched off): all mean traffic to this destination cannot leave.
            return EgressRoute.NoRoute(destination, string.Create(CultureInfo.InvariantCulture, $"no {family} route ({ex.SocketErrorCode})"));
        }

        var nic = FindHolder(local, interfaces);
        return nic is null
            ? new EgressRoute(destination, local, Interface: null, $"the {family} source address the kernel chose is on no listed interface")
            : EgressRoute.Through(destination, local, nic);
    }

    private static NetworkInterfaceSnapshot? FindHolder(IPAddress local, IReadOnlyList<NetworkInterfaceSnapshot> interfaces)
    {
        foreach (var nic in interfaces)
        {
            foreach (var address in nic.Addresses)
            {
                if (SameAddress(address, local))
                {
                    return nic;
                }
            }
        }

        return null;
    }

    // Link-local IPv6 addresses carry a scope id on one side and not always on the other; the bytes decide.
    private static bool SameAddress(IPAddress a, IPAddress b)
    {
        if (a.AddressFamily != b.AddressFamily)
        {
            return false;
        }

        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        return a.TryWriteBytes(left, out var leftLength)
            && b.TryWriteBytes(right, out var rightLength)
            && left[..leftLength].SequenceEqual(right[..rightLength]);
    }
}
