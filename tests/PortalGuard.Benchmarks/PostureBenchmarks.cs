using System.Net;
using BenchmarkDotNet.Attributes;
using PortalGuard.Network;

namespace PortalGuard.Benchmarks;

/// <summary>
/// The network posture for one portal address from a warm host, on this machine's real interfaces: what each page
/// assessment costs when the cache is cold. Target ≤ 1 ms. No packet is sent (the egress is read by connecting a UDP socket).
/// </summary>
[MemoryDiagnoser]
public class PostureBenchmarks
{
    // A documentation address: routed like any public one, and never a real server.
    private static readonly IReadOnlyList<IPAddress> Portal = [IPAddress.Parse("203.0.113.7")];

    private NetworkPostureProbe _probe = null!;

    [GlobalSetup]
    public void Setup() => _probe = NetworkPostureProbe.ForCurrentSystem(TimeProvider.System);

    [Benchmark(Description = "posture for one portal address")]
    public async Task<NetworkPosture> PostureForPortal() => await _probe.GetPostureAsync(Portal, CancellationToken.None);

    [Benchmark(Description = "posture for the reference addresses")]
    public async Task<NetworkPosture> PostureForReferences() => await _probe.GetPostureAsync([], CancellationToken.None);
}
