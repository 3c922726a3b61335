using System.Net;
using System.Text.Json;
using PortalGuard.Messaging;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class NetworkPostureJsonTests
{
    [Fact]
    public void Resolvers_are_written_with_their_addresses_as_text()
    {
        var posture = FixedPostureProbe.On with
        {
            Resolvers =
            [
                new ResolverFacts(IPAddress.Parse("10.0.2.1"), new NetworkInterfaceFacts("eth0", TunnelKind.None, null), InsideTunnel: false, OnThisMachine: false),
                new ResolverFacts(IPAddress.Parse("fd00::53"), Egress: null, InsideTunnel: false, OnThisMachine: false),
            ],
            DnsOutsideTunnel = true,
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(posture, ProtocolJsonContext.Default.NetworkPosture));

        Assert.True(json.RootElement.GetProperty("dnsOutsideTunnel").GetBoolean());
        var resolvers = json.RootElement.GetProperty("resolvers");
        Assert.Equal("10.0.2.1", resolvers[0].GetProperty("address").GetString());
        Assert.Equal("eth0", resolvers[0].GetProperty("egress").GetProperty("name").GetString());
        Assert.False(resolvers[0].GetProperty("insideTunnel").GetBoolean());
        Assert.Equal("fd00::53", resolvers[1].GetProperty("address").GetString());
        Assert.False(resolvers[1].TryGetProperty("outsideTunnel", out _));
    }
}
