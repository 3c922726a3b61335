using System.Net.NetworkInformation;

namespace PortalGuard.Network;

/// <summary>How the classifiers combine what different sources (sysfs, adapter description, name, adapter type) say about one interface.</summary>
internal static class TunnelKindPrecedence
{
    /// <summary>
    /// Mesh wins (Tailscale and ZeroTier run on WireGuard or tap devices, but what matters is that they carry only their own
    /// network); then the first specific kind, in the order the sources are given; then <see cref="TunnelKind.OtherTunnel"/>
    /// when any source saw a tunnel; null when none did.
    /// </summary>
    public static TunnelKind? Pick(params ReadOnlySpan<TunnelKind?> candidates)
    {
        TunnelKind? specific = null;
        var anyTunnel = false;
        foreach (var candidate in candidates)
        {
            switch (candidate)
            {
                case TunnelKind.Mesh:
                    return TunnelKind.Mesh;
                case TunnelKind.OtherTunnel:
                    anyTunnel = true;
                    break;
                case null or TunnelKind.None:
                    break;
                default:
                    specific ??= candidate;
                    break;
            }
        }

        return specific ?? (anyTunnel ? TunnelKind.OtherTunnel : null);
    }

    /// <summary>What the adapter type alone says: point-to-point and tunnel adapters are tunnels of some kind.</summary>
    public static TunnelKind? KindForAdapterType(NetworkInterfaceType type) => type switch
    {
        NetworkInterfaceType.Ppp => TunnelKind.Ppp,
        NetworkInterfaceType.Tunnel => TunnelKind.OtherTunnel,
        _ => null,
    };
}
