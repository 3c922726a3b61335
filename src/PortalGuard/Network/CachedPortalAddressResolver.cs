using PortalGuard.Caching;

namespace PortalGuard.Network;

/// <summary>
/// Remembers a portal's addresses for a minute (a failure for a few seconds), so the requests of one visit make one
/// lookup, as the operating system's own cache would. A hijacking answer is remembered like any other: it stays a warning.
/// </summary>
internal sealed class CachedPortalAddressResolver(IPortalAddressResolver inner, TimeProvider time) : IPortalAddressResolver
{
    public static readonly TimeSpan ResolvedTimeToLive = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan FailedTimeToLive = TimeSpan.FromSeconds(5);

    private readonly TtlCache<string, PortalResolution> _cache = new(
        time,
        r => r.Outcome == ResolutionOutcome.Resolved ? ResolvedTimeToLive : FailedTimeToLive,
        StringComparer.Ordinal);

    public ValueTask<PortalResolution> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync(host, h => inner.ResolveAsync(h, cancellationToken).AsTask(), cancellationToken);
}
