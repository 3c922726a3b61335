using Microsoft.Extensions.Time.Testing;
using PortalGuard.Caching;

namespace PortalGuard.Tests.Caching;

public sealed class TtlCacheTests
{
    [Fact]
    public async Task Each_value_keeps_for_the_time_it_asks_for()
    {
        var time = new FakeTimeProvider();
        var cache = new TtlCache<string, string>(time, v => v == "ok" ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(30));
        var computed = new List<string>();
        Task<string> Compute(string key)
        {
            computed.Add(key);
            return Task.FromResult(key.StartsWith("good", StringComparison.Ordinal) ? "ok" : "failed");
        }

        await cache.GetOrAddAsync("good.example", Compute, CancellationToken.None);
        await cache.GetOrAddAsync("bad.example", Compute, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        await cache.GetOrAddAsync("good.example", Compute, CancellationToken.None);
        await cache.GetOrAddAsync("bad.example", Compute, CancellationToken.None);

        Assert.Equal(["good.example", "bad.example", "bad.example"], computed);
    }

    [Fact]
    public async Task A_computation_that_throws_is_not_kept()
    {
        var cache = new TtlCache<int, int>(new FakeTimeProvider(), _ => TimeSpan.FromMinutes(1));
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync(1, _ => { calls++; return Task.FromException<int>(new InvalidOperationException()); }, CancellationToken.None).AsTask());
        var value = await cache.GetOrAddAsync(1, _ => { calls++; return Task.FromResult(7); }, CancellationToken.None);

        Assert.Equal(7, value);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_computation()
    {
        var cache = new TtlCache<int, int>(new FakeTimeProvider(), _ => TimeSpan.FromMinutes(1));
        var gate = new TaskCompletionSource<int>();
        using var impatient = new CancellationTokenSource();

        var first = cache.GetOrAddAsync(1, _ => gate.Task, impatient.Token).AsTask();
        var second = cache.GetOrAddAsync(1, _ => throw new InvalidOperationException("not shared"), CancellationToken.None).AsTask();
        await impatient.CancelAsync();
        gate.SetResult(5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(5, await second);
    }

    [Fact]
    public async Task Over_capacity_the_entries_closest_to_expiry_go_first()
    {
        var time = new FakeTimeProvider();
        var cache = new TtlCache<int, int>(time, v => TimeSpan.FromMinutes(v), capacity: 2);

        await cache.GetOrAddAsync(5, Task.FromResult, CancellationToken.None);
        await cache.GetOrAddAsync(1, Task.FromResult, CancellationToken.None);
        await cache.GetOrAddAsync(9, Task.FromResult, CancellationToken.None);

        Assert.Equal(2, cache.Count);
        var recomputed = false;
        await cache.GetOrAddAsync(1, k => { recomputed = true; return Task.FromResult(k); }, CancellationToken.None);
        Assert.True(recomputed);
    }
}
