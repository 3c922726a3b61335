using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class PostureWatcherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_vpn_that_drops_is_reported_once()
    {
        var time = new FakeTimeProvider();
        var probe = new FixedPostureProbe(FixedPostureProbe.On);
        var watcher = new PostureWatcher(probe, time, Interval, TimeSpan.FromMilliseconds(500));
        var changes = new List<NetworkPosture>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(FixedPostureProbe.On, p => { changes.Add(p); return ValueTask.CompletedTask; }, stop.Token);

        await AdvanceUntilAsync(time, () => probe.Calls >= 1);
        probe.Posture = FixedPostureProbe.Off;
        await AdvanceUntilAsync(time, () => probe.Calls >= 3);
        await stop.CancelAsync();
        await run;

        var change = Assert.Single(changes);
        Assert.Equal(VpnState.Off, change.Vpn);
    }

    [Fact]
    public async Task A_vpn_that_drops_before_the_first_interval_is_still_reported()
    {
        var time = new FakeTimeProvider();
        var probe = new FixedPostureProbe(FixedPostureProbe.On);
        var watcher = new PostureWatcher(probe, time, Interval, TimeSpan.FromMilliseconds(500));
        var changes = new List<NetworkPosture>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(initial: null, p => { changes.Add(p); return ValueTask.CompletedTask; }, stop.Token);

        await AdvanceUntilAsync(time, () => probe.Calls >= 1, advance: false);
        probe.Posture = FixedPostureProbe.Off;
        await AdvanceUntilAsync(time, () => changes.Count >= 1);
        await stop.CancelAsync();
        await run;

        Assert.Equal(VpnState.Off, Assert.Single(changes).Vpn);
    }

    [Fact]
    public async Task An_unchanged_posture_is_never_reported()
    {
        var time = new FakeTimeProvider();
        var probe = new FixedPostureProbe(FixedPostureProbe.Off);
        var watcher = new PostureWatcher(probe, time, Interval, TimeSpan.FromMilliseconds(500));
        var changes = 0;
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(initial: null, _ => { changes++; return ValueTask.CompletedTask; }, stop.Token);

        await AdvanceUntilAsync(time, () => probe.Calls >= 4);
        await stop.CancelAsync();
        await run;

        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Only_the_time_of_the_check_differing_is_no_change()
    {
        var time = new FakeTimeProvider();
        var probe = new FixedPostureProbe(FixedPostureProbe.Off);
        var watcher = new PostureWatcher(probe, time, Interval, TimeSpan.FromMilliseconds(500));
        var changes = 0;
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(FixedPostureProbe.Off, _ => { changes++; return ValueTask.CompletedTask; }, stop.Token);

        await AdvanceUntilAsync(time, () => probe.Calls >= 1);
        probe.Posture = FixedPostureProbe.Off with { CheckedAt = DateTimeOffset.UnixEpoch.AddHours(1) };
        await AdvanceUntilAsync(time, () => probe.Calls >= 3);
        await stop.CancelAsync();
        await run;

        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task A_resolver_starting_to_leak_beside_the_vpn_is_reported()
    {
        var time = new FakeTimeProvider();
        var probe = new FixedPostureProbe(FixedPostureProbe.On);
        var watcher = new PostureWatcher(probe, time, Interval, TimeSpan.FromMilliseconds(500));
        var changes = new List<NetworkPosture>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(FixedPostureProbe.On, p => { changes.Add(p); return ValueTask.CompletedTask; }, stop.Token);

        await AdvanceUntilAsync(time, () => probe.Calls >= 1);
        probe.Posture = FixedPostureProbe.On with { DnsOutsideTunnel = true };
        await AdvanceUntilAsync(time, () => probe.Calls >= 3);
        await stop.CancelAsync();
        await run;

        Assert.True(Assert.Single(changes).DnsOutsideTunnel);
    }

    /// <summary>Moves the fake clock an interval at a time until the condition holds (bounded: no test waits on a real clock for long).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, bool advance = true)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            if (advance)
            {
                time.Advance(Interval);
            }

            await Task.Delay(5);
        }

        Assert.True(condition(), "the watcher did not check the network when the interval passed");
    }
}
