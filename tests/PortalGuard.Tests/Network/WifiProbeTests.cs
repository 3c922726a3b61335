using Microsoft.Extensions.Time.Testing;
using PortalGuard.Network;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Network;

public sealed class WifiProbeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Linux_asks_nmcli_for_the_active_access_point_without_a_rescan()
    {
        var runner = new RecordedRunner(new CommandResult(CommandStatus.Exited, 0, "yes:Hotel Guest:\n", string.Empty));

        var facts = await Probe(runner, HostOperatingSystem.Linux).GetWifiAsync(CancellationToken.None);

        Assert.Equal("nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no", runner.LastCommand);
        Assert.True(facts.Open);
        Assert.Equal(Now, facts.CheckedAt);
    }

    [Fact]
    public async Task Windows_asks_netsh_for_the_interfaces()
    {
        var runner = new RecordedRunner(new CommandResult(CommandStatus.Exited, 0, WifiFixtures.NetshConnectedWpa2, string.Empty));

        var facts = await Probe(runner, HostOperatingSystem.Windows).GetWifiAsync(CancellationToken.None);

        Assert.Equal("netsh wlan show interfaces", runner.LastCommand);
        Assert.Equal(WifiState.Connected, facts.State);
        Assert.False(facts.Open);
    }

    [Theory]
    [InlineData("Linux", "NotFound", 0, "", "nmcli is not installed")]
    [InlineData("Windows", "NotFound", 0, "", "netsh is not installed")]
    [InlineData("Linux", "TimedOut", 0, "", "nmcli did not answer within 2 s")]
    [InlineData("Linux", "Exited", 8, "Error: NetworkManager is not running.", "nmcli exited with 8: Error: NetworkManager is not running.")]
    public async Task Tool_that_is_missing_or_fails_gives_unknown_with_the_reason(string os, string status, int exitCode, string error, string problem)
    {
        var runner = new RecordedRunner(new CommandResult(Enum.Parse<CommandStatus>(status), exitCode, string.Empty, error));

        var facts = await Probe(runner, Enum.Parse<HostOperatingSystem>(os)).GetWifiAsync(CancellationToken.None);

        Assert.Equal(WifiFacts.Unknown(problem, Now), facts);
    }

    [Fact]
    public async Task Windows_without_the_wlan_service_has_no_wifi()
    {
        var runner = new RecordedRunner(new CommandResult(CommandStatus.Exited, 1, WifiFixtures.NetshServiceNotRunning, string.Empty));

        var facts = await Probe(runner, HostOperatingSystem.Windows).GetWifiAsync(CancellationToken.None);

        Assert.Equal(WifiFacts.NotConnected(Now), facts);
    }

    [Fact]
    public async Task MacOS_is_unknown_without_starting_anything()
    {
        var runner = new RecordedRunner(new CommandResult(CommandStatus.Exited, 0, string.Empty, string.Empty));

        var facts = await Probe(runner, HostOperatingSystem.MacOS).GetWifiAsync(CancellationToken.None);

        Assert.Equal(WifiState.Unknown, facts.State);
        Assert.Null(runner.LastCommand);
    }

    private static WifiProbe Probe(ICommandRunner runner, HostOperatingSystem os) =>
        new(runner, os, new FakeTimeProvider(Now), WifiProbe.DefaultTimeout);

    private sealed class RecordedRunner(CommandResult result) : ICommandRunner
    {
        public string? LastCommand { get; private set; }

        public Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        {
            LastCommand = string.Join(' ', arguments.Prepend(file));
            return Task.FromResult(result);
        }
    }
}
