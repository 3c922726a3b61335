using System.Globalization;
using PortalGuard.Storage;

namespace PortalGuard.Network;

/// <summary>
/// Asks the operating system's own tool about Wi-Fi: NetworkManager's <c>nmcli</c> on Linux, <c>netsh wlan</c> on Windows.
/// Each call starts a process, so it does not belong on a hot path: wrap it in <see cref="CachedWifiProbe"/>.
/// </summary>
internal sealed class WifiProbe : IWifiProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly ICommandRunner _runner;
    private readonly HostOperatingSystem _os;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public WifiProbe(ICommandRunner runner, HostOperatingSystem os, TimeProvider time, TimeSpan timeout)
    {
        _runner = runner;
        _os = os;
        _time = time;
        _timeout = timeout;
    }

    public static WifiProbe ForCurrentSystem(TimeProvider time) =>
        new(ProcessCommandRunner.Instance, DataPaths.CurrentOperatingSystem, time, DefaultTimeout);

    public async ValueTask<WifiFacts> GetWifiAsync(CancellationToken cancellationToken)
    {
        var (tool, arguments, parse) = _os switch
        {
            HostOperatingSystem.Linux => ("nmcli", NmcliWifiParser.Arguments, (Func<string, DateTimeOffset, WifiFacts>)NmcliWifiParser.Parse),
            HostOperatingSystem.Windows => ("netsh", NetshWlanParser.Arguments, NetshWlanParser.Parse),
            _ => (null, [], null),
        };
        if (tool is null || parse is null)
        {
            return WifiFacts.Unknown("Wi-Fi is not checked on this operating system", _time.GetUtcNow());
        }

        var result = await _runner.RunAsync(tool, arguments, _timeout, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return result switch
        {
            { Status: CommandStatus.NotFound } => WifiFacts.Unknown($"{tool} is not installed", now),
            { Status: CommandStatus.TimedOut } => WifiFacts.Unknown(string.Create(CultureInfo.InvariantCulture, $"{tool} did not answer within {_timeout.TotalSeconds:0.#} s"), now),
            { Succeeded: true } => parse(result.Output, now),
            _ when _os is HostOperatingSystem.Windows && NoWirelessInterface(result) => WifiFacts.NotConnected(now),
            _ => WifiFacts.Unknown(string.Create(CultureInfo.InvariantCulture, $"{tool} exited with {result.ExitCode}: {result.FirstErrorLine}"), now),
        };
    }

    /// <summary>
    /// netsh exits non-zero when the WLAN service is not running, which is what a machine without Wi-Fi looks like
    /// (desktops, servers): the service names itself, in every language.
    /// </summary>
    private static bool NoWirelessInterface(CommandResult result) =>
        result.Output.Contains("wlansvc", StringComparison.OrdinalIgnoreCase) || result.Error.Contains("wlansvc", StringComparison.OrdinalIgnoreCase);
}
