// Usage: PortalGuard.NetProbe [address ...]
// Prints the posture for the given destination addresses (the reference addresses when none) as one JSON line.
using System.Net;
using System.Text.Json;
using PortalGuard.NetProbe;
using PortalGuard.Network;

var destinations = args.Select(IPAddress.Parse).ToArray();
var posture = await NetworkPostureProbe.ForCurrentSystem(TimeProvider.System).GetPostureAsync(destinations, CancellationToken.None);
Console.Out.WriteLine(JsonSerializer.Serialize(posture, NetProbeJsonContext.Default.NetworkPosture));
