using System.Net;
using System.Net.NetworkInformation;

namespace PortalGuard.Network;

/// <summary>One interface as the operating system lists it, reduced to what classification and egress matching need.</summary>
/// <param name="Name">The operating system's name (<c>eth0</c>, <c>wg0</c>; on Windows the friendly name, <c>Wi-Fi</c>).</param>
/// <param name="Description">The adapter description (Windows: the driver's, <c>WireGuard Tunnel</c>); elsewhere the name again.</param>
/// <param name="Addresses">The unicast addresses assigned to the interface.</param>
internal sealed record NetworkInterfaceSnapshot(
    string Name,
    string Description,
    NetworkInterfaceType Type,
    OperationalStatus Status,
    IReadOnlyList<IPAddress> Addresses)
{
    /// <summary>
    /// Up and able to carry routed traffic. Linux reports tun devices as <see cref="OperationalStatus.Unknown"/>, so that counts
    /// as up; an interface with only link-local addresses does not (macOS keeps utun0..3 up for its own services, link-local only).
    /// </summary>
    public bool IsUpWithRoutableAddress =>
        Status is OperationalStatus.Up or OperationalStatus.Unknown
        && Addresses.Any(static a => !IsLinkLocal(a));

    private static bool IsLinkLocal(IPAddress address)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal;
        }

        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out _) && bytes[0] == 169 && bytes[1] == 254;
    }
}
