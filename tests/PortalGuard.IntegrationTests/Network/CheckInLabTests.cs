using System.Diagnostics;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

/// <summary><c>portalguard check</c> as a person runs it, inside the lab's client namespace: real DNS, real routes, the whole verdict.</summary>
public sealed class CheckInLabTests
{
    [DnsLabFact]
    public async Task A_resolver_that_hijacks_the_portal_name_blocks_the_sign_in()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);
        using var cli = new PortalGuardProcess();
        Assert.Equal(0, (await cli.RunCliAsync("portals", "add", WireGuardLab.PortalName, "--name", "Lab Portal")).ExitCode);

        var check = await CheckInClientNamespaceAsync(lab, cli.DataDirectory);

        Assert.Equal(WireGuardLab.PortalHijackedAnswer, check.GetProperty("dns").GetProperty("suspiciousAddress").GetString());
        var verdict = check.GetProperty("verdict");
        Assert.Equal("block", verdict.GetProperty("level").GetString());
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "dns-answer-suspicious");
        // The lab's tunnel is up but carries no routes yet: the reference addresses bypass it.
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "vpn-split");
    }

    [DnsLabFact]
    public async Task Vpn_on_with_the_isp_resolver_warns_that_dns_leaves_outside_the_tunnel()
    {
        await using var lab = await WireGuardLab.StartAsync();
        await lab.StartResolversAsync();
        await lab.RouteEverythingThroughTunnelAsync(ipv6: true);
        await lab.UseResolverAsync(WireGuardLab.IspResolverAddress);
        using var cli = new PortalGuardProcess();
        await cli.RunCliAsync("portals", "add", WireGuardLab.PortalName, "--name", "Lab Portal");

        var check = await CheckInClientNamespaceAsync(lab, cli.DataDirectory, "--offline");

        Assert.Equal("on", check.GetProperty("network").GetProperty("vpn").GetString());
        var codes = check.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("dns-outside-tunnel", codes);
        Assert.DoesNotContain("vpn-off", codes);
    }

    /// <summary>Runs the real executable in the client namespace (its /etc/resolv.conf is the lab's) and parses <c>check --json</c>.</summary>
    private static async Task<JsonElement> CheckInClientNamespaceAsync(WireGuardLab lab, string dataDirectory, params string[] extra)
    {
        var start = new ProcessStartInfo(WireGuardLab.Tool("ip")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "netns", "exec", lab.ClientNamespace, WireGuardLab.DotnetHost(), "exec",
            Path.Combine(AppContext.BaseDirectory, "portalguard.dll"), "check", WireGuardLab.PortalName, "--json", .. extra,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORTALGUARD_DATA_DIR"] = dataDirectory;
        start.Environment.Remove("PORTALGUARD_OFFLINE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(hang.Token);
        Assert.True(process.ExitCode == 0, $"check exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
