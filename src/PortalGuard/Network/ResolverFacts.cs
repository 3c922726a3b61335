using System.Net;
using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Network;

/// <summary>One DNS resolver the machine's queries leave through, and the interface they leave by.</summary>
/// <param name="Address">The resolver's address (for systemd-resolved, one of its upstream servers, not the 127.0.0.53 stub).</param>
/// <param name="Egress">The interface the kernel would send a query to it through; null when there is no route to it.</param>
/// <param name="InsideTunnel">Queries to it leave through a tunnel interface.</param>
/// <param name="OnThisMachine">
/// It runs on this machine (loopback, or one of this machine's own addresses): a cache or stub whose own upstream is not
/// known from here, so its route says nothing about a leak.
/// </param>
public sealed record ResolverFacts(
    [property: JsonConverter(typeof(IPAddressJsonConverter))] IPAddress Address,
    NetworkInterfaceFacts? Egress,
    bool InsideTunnel,
    bool OnThisMachine)
{
    /// <summary>Queries to it leave this machine over an ordinary link.</summary>
    [JsonIgnore]
    public bool OutsideTunnel => !OnThisMachine && Egress is { IsTunnel: false };
}
