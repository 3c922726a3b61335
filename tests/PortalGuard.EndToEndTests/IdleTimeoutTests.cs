using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>
/// The idle timeout in a real Chromium on a display of the test's own: nobody touches the machine, and log-out-and-clear
/// runs by itself — the portal's cookies and storage are gone, its tab is closed, and the audit trail says why.
/// </summary>
/// <remarks>
/// Headless Chromium never reports the machine idle, so the browser runs on Xvfb and the X server's own idle time drives
/// <c>chrome.idle</c>. The one test hook shortens the detection interval from the setting's whole minute to Chromium's
/// minimum of 15 s (<c>portalGuard.setIdleDetectionSeconds</c>); the idle state change itself is the browser's.
/// </remarks>
[Collection(WithChromium.Name)]
public sealed class IdleTimeoutTests(PortalFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan IdleDetection = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Without_input_for_the_idle_timeout_the_portal_is_logged_out_and_cleared_by_itself()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        if (VirtualDisplay.Missing is { } missing)
        {
            Assert.False(PortalFixture.IsCi, $"CI=true and the idle test cannot run: {missing}");
            output.WriteLine($"Not run: {missing}");
            return;
        }

        await using var display = await VirtualDisplay.StartAsync();
        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output),
            new BrowserLaunchOptions(Headless: false, Environment: new Dictionary<string, string>(StringComparer.Ordinal) { ["DISPLAY"] = display.Name }, Arguments: ["--ozone-platform=x11"]));

        // Sign in (through the gate), so the portal leaves a session cookie and storage behind.
        var portal = await browser.OpenAsync(fixture.LoginUrl);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        await PortalSignIn.ThroughTheGateAsync(browser, portal, fixture.Origin);
        var hostName = PortalFixture.PortalHost;

        // The person touches the machine, the timeout is switched on (through the host, as the options page does), and
        // then nobody touches it again.
        await display.TouchAsync();
        var lastInput = Stopwatch.StartNew();
        Assert.Equal((int)IdleDetection.TotalSeconds, (await browser.EvaluateInWorkerAsync($"portalGuard.setIdleDetectionSeconds({(int)IdleDetection.TotalSeconds})")).GetInt32());
        await browser.EvaluateInWorkerAsync("portalGuard.setSettings({ idleTimeoutMinutes: 1 })");

        var deadline = DateTime.UtcNow + IdleDetection + TimeSpan.FromSeconds(45);
        TimeSpan? closedAfter = null;
        var clear = await browser.EvaluateInWorkerAsync("portalGuard.lastClear()");
        while (clear.ValueKind != JsonValueKind.Object && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            closedAfter ??= portal.IsClosed ? lastInput.Elapsed : null;
            clear = await browser.EvaluateInWorkerAsync("portalGuard.lastClear()");
        }

        closedAfter ??= lastInput.Elapsed;
        output.WriteLine($"portal tab closed after {closedAfter.Value.TotalSeconds:F1} s without input; the clearing: {clear}");
        Assert.True(clear.ValueKind == JsonValueKind.Object, $"nothing was cleared {lastInput.Elapsed.TotalSeconds:F0} s after the last input");
        Assert.Equal("idle", clear.GetProperty("trigger").GetString());
        Assert.Equal(0, clear.GetProperty("notRemoved").GetArrayLength());
        Assert.True(portal.IsClosed);
        Assert.True(closedAfter >= IdleDetection - TimeSpan.FromSeconds(1), $"cleared after only {closedAfter.Value.TotalSeconds:F1} s without input");

        // What the browser still holds for the portal, asked from the browser itself.
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.cookies.getAll({{ domain: '{hostName}' }})")).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.tabs.query({{ url: 'https://{hostName}/*' }})")).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.history.search({{ text: '{hostName}', startTime: 0 }})")).GetArrayLength());
        var empty = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        Assert.Equal(0, await empty.EvaluateAsync<int>("() => localStorage.length"));

        // The audit trail: the timeout, about the device (no origin), then the portal's own clearing, by origin only.
        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "idleTimeout", "sessionCleared");
        using var events = JsonDocument.Parse(audit);
        var idle = Assert.Single(events.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == "idleTimeout");
        Assert.False(idle.TryGetProperty("origin", out _));
        Assert.Equal(1, idle.GetProperty("count").GetInt32());
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == "sessionCleared" && e.GetProperty("origin").GetString() == fixture.Origin);
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
    }
}
