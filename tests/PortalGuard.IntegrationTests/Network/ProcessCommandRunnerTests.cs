using System.Diagnostics;
using PortalGuard.Network;

namespace PortalGuard.IntegrationTests.Network;

public sealed class ProcessCommandRunnerTests
{
    [Fact]
    public async Task Tool_runs_in_the_C_locale_and_its_output_and_exit_code_come_back()
    {
        var result = await ProcessCommandRunner.Instance.RunAsync("sh", ["-c", "echo \"$LC_ALL\"; echo oops >&2; exit 3"], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(CommandStatus.Exited, result.Status);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("C\n", result.Output);
        Assert.Equal("oops", result.FirstErrorLine);
    }

    [Fact]
    public async Task Missing_tool_is_not_found_not_an_exception()
    {
        var result = await ProcessCommandRunner.Instance.RunAsync("portalguard-no-such-tool", [], TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(CommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Tool_that_overruns_is_ended_and_reported_timed_out()
    {
        var clock = Stopwatch.StartNew();

        var result = await ProcessCommandRunner.Instance.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.Equal(CommandStatus.TimedOut, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Real_wifi_probe_on_this_machine_answers_without_throwing()
    {
        var facts = await WifiProbe.ForCurrentSystem(TimeProvider.System).GetWifiAsync(CancellationToken.None);

        // Build and CI machines have no Wi-Fi and usually no NetworkManager: unknown or none, never an exception.
        Assert.True(facts.State is WifiState.Unknown or WifiState.None or WifiState.Connected);
        Assert.Equal(facts.State is WifiState.Unknown, facts.Problem is not null);
    }
}
