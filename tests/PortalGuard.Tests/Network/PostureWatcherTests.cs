using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class PostureWatcherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_vpn_that_drops_is_reported_once()
    {
        using var run = WatcherRun.Start(probeSays: FixedPostureProbe.On, initial: FixedPostureProbe.On);

        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 1);
        run.Probe.Posture = FixedPostureProbe.Off;
        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 3);
        await run.StopAsync();

        Assert.Equal(VpnState.Off, Assert.Single(run.Changes).Vpn);
    }

    [Fact]
    public async Task A_vpn_that_drops_before_the_first_interval_is_still_reported()
    {
        using var run = WatcherRun.Start(probeSays: FixedPostureProbe.On, initial: null);

        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 1, advance: false);
        run.Probe.Posture = FixedPostureProbe.Off;
        await run.AdvanceUntilAsync(() => run.Changes.Count >= 1);
        await run.StopAsync();

        Assert.Equal(VpnState.Off, Assert.Single(run.Changes).Vpn);
    }

    [Fact]
    public async Task An_unchanged_posture_is_never_reported()
    {
        using var run = WatcherRun.Start(probeSays: FixedPostureProbe.Off, initial: null);

        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 4);
        await run.StopAsync();

        Assert.Empty(run.Changes);
    }

    [Fact]
    public async Task Only_the_time_of_the_check_differing_is_no_change()
    {
        using var run = WatcherRun.Start(probeSays: FixedPostureProbe.Off, initial: FixedPostureProbe.Off);

        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 1);
        run.Probe.Posture = FixedPostureProbe.Off with { CheckedAt = DateTimeOffset.UnixEpoch.AddHours(1) };
        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 3);
        await run.StopAsync();

        Assert.Empty(run.Changes);
    }

    [Fact]
    public async Task A_resolver_starting_to_leak_beside_the_vpn_is_reported()
    {
        using var run = WatcherRun.Start(probeSays: FixedPostureProbe.On, initial: FixedPostureProbe.On);

        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 1);
        run.Probe.Posture = FixedPostureProbe.On with { DnsOutsideTunnel = true };
        await run.AdvanceUntilAsync(() => run.Probe.Calls >= 3);
        await run.StopAsync();

        Assert.True(Assert.Single(run.Changes).DnsOutsideTunnel);
    }

    /// <summary>A watcher running on a fake clock against a probe the test steers, recording every change it reports.</summary>
    private sealed class WatcherRun : IDisposable
    {
        private readonly FakeTimeProvider _time = new();
        private readonly CancellationTokenSource _stop = new();
        private Task? _run;

        private WatcherRun(NetworkPosture probeSays) => Probe = new FixedPostureProbe(probeSays);

        public FixedPostureProbe Probe { get; }

        public List<NetworkPosture> Changes { get; } = [];

        public static WatcherRun Start(NetworkPosture probeSays, NetworkPosture? initial)
        {
            var run = new WatcherRun(probeSays);
            var watcher = new PostureWatcher(run.Probe, run._time, Interval, TimeSpan.FromMilliseconds(500));
            run._run = watcher.RunAsync(initial, p => { run.Changes.Add(p); return ValueTask.CompletedTask; }, run._stop.Token);
            return run;
        }

        /// <summary>Moves the fake clock an interval at a time until the condition holds (bounded: no test waits on a real clock for long).</summary>
        public async Task AdvanceUntilAsync(Func<bool> condition, bool advance = true)
        {
            for (var i = 0; i < 200 && !condition(); i++)
            {
                if (advance)
                {
                    _time.Advance(Interval);
                }

                await Task.Delay(5);
            }

            Assert.True(condition(), "the watcher did not check the network when the interval passed");
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _run!;
        }

        public void Dispose() => _stop.Dispose();
    }
}
