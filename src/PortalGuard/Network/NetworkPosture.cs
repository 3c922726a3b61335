namespace PortalGuard.Network;

/// <summary>The network as the operating system sees it, for one destination (or the reference addresses when none is given).</summary>
/// <param name="Vpn">Whether the destination's traffic goes through a tunnel.</param>
/// <param name="VpnUnknownReason">Why <see cref="Vpn"/> is <see cref="VpnState.Unknown"/>; null otherwise.</param>
/// <param name="Egress">The interface IPv4 traffic to the destination leaves through; null when there is no route.</param>
/// <param name="Ipv6Egress">The interface IPv6 traffic leaves through; null when there is no IPv6 route.</param>
/// <param name="TunnelsUp">Every tunnel interface that is up, whether or not this destination uses it.</param>
/// <param name="Ipv6BypassesTunnel">IPv4 goes through a tunnel and IPv6 does not: a leak path.</param>
/// <param name="CheckedAt">When the facts were gathered.</param>
public sealed record NetworkPosture(
    VpnState Vpn,
    string? VpnUnknownReason,
    NetworkInterfaceFacts? Egress,
    NetworkInterfaceFacts? Ipv6Egress,
    IReadOnlyList<NetworkInterfaceFacts> TunnelsUp,
    bool Ipv6BypassesTunnel,
    DateTimeOffset CheckedAt)
{
    /// <summary>
    /// The resolvers DNS queries leave this machine through (systemd-resolved's upstream servers in place of its stub), each
    /// with its egress; empty when none could be found or the probe was not asked to look.
    /// </summary>
    public IReadOnlyList<ResolverFacts> Resolvers { get; init; } = [];

    /// <summary>The VPN is on for this destination, yet a resolver is reached outside the tunnel: names leak to the local network.</summary>
    public bool DnsOutsideTunnel { get; init; }
}
