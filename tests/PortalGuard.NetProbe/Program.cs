// Usage: PortalGuard.NetProbe [address ...]     prints the posture for the destinations (the reference addresses when none)
//        PortalGuard.NetProbe resolve <host>    resolves the host with the system's resolvers and prints the answers
// Each prints one JSON line.
using System.Net;
using System.Text.Json;
using PortalGuard.NetProbe;
using PortalGuard.Network;

if (args is ["resolve", var host])
{
    var resolution = await PortalAddressResolver.ForCurrentSystem(TimeProvider.System).ResolveAsync(host, CancellationToken.None);
    Console.Out.WriteLine(JsonSerializer.Serialize(resolution, NetProbeJsonContext.Default.PortalResolution));
    return;
}

var destinations = args.Select(IPAddress.Parse).ToArray();
var posture = await NetworkPostureProbe.ForCurrentSystem(TimeProvider.System).GetPostureAsync(destinations, CancellationToken.None);
Console.Out.WriteLine(JsonSerializer.Serialize(posture, NetProbeJsonContext.Default.NetworkPosture));
