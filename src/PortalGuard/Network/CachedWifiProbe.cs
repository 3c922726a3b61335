using PortalGuard.Caching;

namespace PortalGuard.Network;

/// <summary>Keeps the last Wi-Fi facts for a while, so page checks do not start a process each; concurrent callers share one run.</summary>
internal sealed class CachedWifiProbe : IWifiProbe
{
    /// <summary>Long enough that a burst of page checks runs the tool once, short enough that joining another network shows soon.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromSeconds(30);

    private readonly IWifiProbe _inner;
    private readonly TtlCache<int, WifiFacts> _cache;

    public CachedWifiProbe(IWifiProbe inner, TimeProvider time, TimeSpan timeToLive)
    {
        _inner = inner;
        _cache = new TtlCache<int, WifiFacts>(time, _ => timeToLive, capacity: 1);
    }

    public ValueTask<WifiFacts> GetWifiAsync(CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync(0, _ => _inner.GetWifiAsync(CancellationToken.None).AsTask(), cancellationToken);

    /// <summary>Forgets the facts (the network changed), so the next call asks again.</summary>
    public void Invalidate() => _cache.Clear();
}
