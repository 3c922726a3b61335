using System.Net;
using PortalGuard.Caching;

namespace PortalGuard.Network;

/// <summary>
/// Keeps each destination set's posture for a short time, so the requests of one page (focus, submit, re-checks) share one
/// probe. The posture watcher uses the uncached probe and clears this cache when anything changes, so a VPN that drops
/// is never hidden by it.
/// </summary>
internal sealed class CachedPostureProbe(INetworkPostureProbe inner, TimeProvider time, TimeSpan timeToLive) : INetworkPostureProbe
{
    /// <summary>Short enough that a change the watcher has not seen yet is visible within a couple of seconds anyway.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromSeconds(2);

    private readonly TtlCache<string, NetworkPosture> _cache = new(time, _ => timeToLive, StringComparer.Ordinal);

    private NetworkPosture? _lastServed;

    /// <summary>The posture most recently handed out, if any: what the extension may have seen (the watcher's baseline).</summary>
    public NetworkPosture? LastServed => Volatile.Read(ref _lastServed);

    public async ValueTask<NetworkPosture> GetPostureAsync(IReadOnlyList<IPAddress> destinations, CancellationToken cancellationToken)
    {
        var posture = await _cache.GetOrAddAsync(
            string.Join(',', destinations.Select(d => d.ToString()).Order(StringComparer.Ordinal)),
            _ => inner.GetPostureAsync(destinations, cancellationToken).AsTask(),
            cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _lastServed, posture);
        return posture;
    }

    /// <summary>Forget every cached posture (the watcher saw a change).</summary>
    public void Clear() => _cache.Clear();
}
