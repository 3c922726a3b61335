using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class CachedWifiProbeTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Facts_are_reused_until_they_expire()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingWifiProbe(time);
        var probe = new CachedWifiProbe(inner, time, Ttl);

        await probe.GetWifiAsync(CancellationToken.None);
        time.Advance(Ttl - TimeSpan.FromSeconds(1));
        await probe.GetWifiAsync(CancellationToken.None);
        Assert.Equal(1, inner.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await probe.GetWifiAsync(CancellationToken.None);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_run()
    {
        var time = new FakeTimeProvider();
        var gate = new TaskCompletionSource();
        var inner = new CountingWifiProbe(time, gate.Task);
        var probe = new CachedWifiProbe(inner, time, Ttl);

        var first = probe.GetWifiAsync(CancellationToken.None).AsTask();
        var second = probe.GetWifiAsync(CancellationToken.None).AsTask();
        gate.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, inner.Calls);
        Assert.Same(await first, await second);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_call_ask_again()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingWifiProbe(time);
        var probe = new CachedWifiProbe(inner, time, Ttl);

        await probe.GetWifiAsync(CancellationToken.None);
        probe.Invalidate();
        await probe.GetWifiAsync(CancellationToken.None);

        Assert.Equal(2, inner.Calls);
    }

    private sealed class CountingWifiProbe(TimeProvider time, Task? gate = null) : IWifiProbe
    {
        public int Calls { get; private set; }

        public async ValueTask<WifiFacts> GetWifiAsync(CancellationToken cancellationToken)
        {
            Calls++;
            if (gate is not null)
            {
                await gate;
            }

            return WifiFacts.NotConnected(time.GetUtcNow());
        }
    }
}
