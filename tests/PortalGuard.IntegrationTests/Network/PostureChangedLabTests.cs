using System.Diagnostics;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>The real host, running inside the lab's client namespace, tells the extension when the VPN drops.</summary>
public sealed class PostureChangedLabTests
{
    /// <summary>A guard against a host that never says anything, not a performance assertion: the host re-checks every 5 s.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(45);

    [NetworkLabFact]
    public async Task A_vpn_that_drops_mid_session_is_pushed_as_posture_changed()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        using var data = new TempDataDirectory();
        using var host = StartHostInClientNamespace(lab, data.Path);
        using var hang = new CancellationTokenSource(HangLimit);
        var stdin = host.StandardInput.BaseStream;
        var stdout = host.StandardOutput.BaseStream;
        try
        {
            await stdin.WriteAsync(Frames.Of("""{"id":1,"type":"getPosture"}"""), hang.Token);
            await stdin.FlushAsync(hang.Token);
            var before = JsonDocument.Parse((await Frames.ReadAsync(stdout, hang.Token))!).RootElement;
            Assert.Equal("on", before.GetProperty("network").GetProperty("vpn").GetString());

            await lab.BringTunnelDownAsync();

            var pushed = JsonDocument.Parse((await Frames.ReadAsync(stdout, hang.Token))
                ?? throw new InvalidOperationException("the host closed its output without a postureChanged")).RootElement;
            Assert.Equal("postureChanged", pushed.GetProperty("type").GetString());
            Assert.False(pushed.TryGetProperty("id", out _));
            Assert.Equal("off", pushed.GetProperty("network").GetProperty("vpn").GetString());
        }
        finally
        {
            stdin.Close();
            if (!host.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                host.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, host.ExitCode);
    }

    private static Process StartHostInClientNamespace(WireGuardLab lab, string dataDirectory)
    {
        var start = new ProcessStartInfo(WireGuardLab.Tool("ip"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "netns", "exec", lab.ClientNamespace, WireGuardLab.DotnetHost(), "exec",
            Path.Combine(AppContext.BaseDirectory, "portalguard.dll"), PortalGuardProcess.ChromiumOrigin,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORTALGUARD_DATA_DIR"] = dataDirectory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private sealed class TempDataDirectory : IDisposable
    {
        public TempDataDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pg-lab-" + Guid.NewGuid().ToString("N")[..12]);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
