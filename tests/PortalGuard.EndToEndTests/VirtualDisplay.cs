using System.Diagnostics;
using System.Globalization;

namespace PortalGuard.EndToEndTests;

/// <summary>
/// An X display of the test's own (Xvfb), for what headless Chromium cannot do: it never reports the machine idle, while a
/// browser on a display asks the X server how long nobody has touched it. <see cref="TouchAsync"/> is real input (XTest).
/// </summary>
internal sealed class VirtualDisplay : IAsyncDisposable
{
    public const string XvfbPath = "/usr/bin/Xvfb";
    public const string XdotoolPath = "/usr/bin/xdotool";

    private readonly Process _server;
    private int _moves;

    private VirtualDisplay(Process server, string name)
    {
        _server = server;
        Name = name;
    }

    /// <summary>The display's name, for DISPLAY (":1").</summary>
    public string Name { get; }

    public static string? Missing =>
        !File.Exists(XvfbPath) ? $"{XvfbPath} not found (apt-get install xvfb)"
        : !File.Exists(XdotoolPath) ? $"{XdotoolPath} not found (apt-get install xdotool)"
        : null;

    /// <summary>Starts Xvfb on a display number it picks itself (-displayfd), so tests and other people's displays never clash.</summary>
    public static async Task<VirtualDisplay> StartAsync()
    {
        var start = new ProcessStartInfo(XvfbPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp" })
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("Xvfb did not start");
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await server.StandardOutput.ReadLineAsync(timeout.Token);
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            server.Kill();
            throw new InvalidOperationException($"Xvfb did not say which display it took (it said '{line}')");
        }

        return new VirtualDisplay(server, ":" + number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Moves the pointer: input the X server counts, as a person's would be.</summary>
    public async Task TouchAsync()
    {
        _moves++;
        var result = await ProcessRunner.RunAsync(XdotoolPath, ["mousemove", (100 + (_moves % 2 * 50)).ToString(CultureInfo.InvariantCulture), "100"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["DISPLAY"] = Name });
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
    }
}
