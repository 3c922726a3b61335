using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>
/// The <c>network</c> object of <c>portalguard status --json</c>, read as a user's script would read it: the strings the
/// executable prints, not the library's types, so a change to the JSON shape fails these tests.
/// </summary>
internal sealed record LabPosture(
    string Vpn,
    string? VpnUnknownReason,
    LabInterface? Egress,
    LabInterface? Ipv6Egress,
    IReadOnlyList<LabInterface> TunnelsUp,
    bool Ipv6BypassesTunnel,
    bool DnsOutsideTunnel,
    IReadOnlyList<LabResolver> Resolvers)
{
    public static LabPosture From(JsonElement network) => new(
        network.GetProperty("vpn").GetString()!,
        network.TryGetProperty("vpnUnknownReason", out var reason) ? reason.GetString() : null,
        LabInterface.From(network, "egress"),
        LabInterface.From(network, "ipv6Egress"),
        [.. network.GetProperty("tunnelsUp").EnumerateArray().Select(t => new LabInterface(t.GetProperty("name").GetString()!, t.GetProperty("kind").GetString()!))],
        network.GetProperty("ipv6BypassesTunnel").GetBoolean(),
        network.TryGetProperty("dnsOutsideTunnel", out var leak) && leak.GetBoolean(),
        network.TryGetProperty("resolvers", out var resolvers)
            ? [.. resolvers.EnumerateArray().Select(r => new LabResolver(r.GetProperty("address").GetString()!, LabInterface.From(r, "egress"), r.GetProperty("insideTunnel").GetBoolean()))]
            : []);
}
