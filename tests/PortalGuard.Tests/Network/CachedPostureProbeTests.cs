using System.Net;
using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class CachedPostureProbeTests
{
    private static readonly IPAddress Portal = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task Requests_within_the_time_to_live_share_one_probe()
    {
        var inner = new FixedPostureProbe(FixedPostureProbe.On);
        var cached = new CachedPostureProbe(inner, new FakeTimeProvider(), TimeSpan.FromSeconds(2));

        await cached.GetPostureAsync([Portal], CancellationToken.None);
        var second = await cached.GetPostureAsync([Portal], CancellationToken.None);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(VpnState.On, second.Vpn);
    }

    [Fact]
    public async Task Other_destinations_are_probed_apart()
    {
        var inner = new FixedPostureProbe(FixedPostureProbe.On);
        var cached = new CachedPostureProbe(inner, new FakeTimeProvider(), TimeSpan.FromSeconds(2));

        await cached.GetPostureAsync([Portal], CancellationToken.None);
        await cached.GetPostureAsync([], CancellationToken.None);

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task After_the_time_to_live_the_system_is_asked_again()
    {
        var time = new FakeTimeProvider();
        var inner = new FixedPostureProbe(FixedPostureProbe.On);
        var cached = new CachedPostureProbe(inner, time, TimeSpan.FromSeconds(2));
        await cached.GetPostureAsync([Portal], CancellationToken.None);

        inner.Posture = FixedPostureProbe.Off;
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(VpnState.Off, (await cached.GetPostureAsync([Portal], CancellationToken.None)).Vpn);
    }

    [Fact]
    public async Task A_change_the_watcher_saw_is_never_hidden_by_the_cache()
    {
        var inner = new FixedPostureProbe(FixedPostureProbe.On);
        var cached = new CachedPostureProbe(inner, new FakeTimeProvider(), TimeSpan.FromSeconds(2));
        await cached.GetPostureAsync([Portal], CancellationToken.None);

        inner.Posture = FixedPostureProbe.Off;
        cached.Clear();

        Assert.Equal(VpnState.Off, (await cached.GetPostureAsync([Portal], CancellationToken.None)).Vpn);
    }

    [Fact]
    public async Task The_posture_last_handed_out_is_kept_as_what_the_extension_may_have_seen()
    {
        var inner = new FixedPostureProbe(FixedPostureProbe.On);
        var cached = new CachedPostureProbe(inner, new FakeTimeProvider(), TimeSpan.FromSeconds(2));
        Assert.Null(cached.LastServed);

        await cached.GetPostureAsync([], CancellationToken.None);
        inner.Posture = FixedPostureProbe.Off;
        await cached.GetPostureAsync([Portal], CancellationToken.None);

        Assert.Equal(VpnState.Off, cached.LastServed?.Vpn);
    }
}
