using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>
/// The idle timeout in a real Firefox on a display of the test's own: nobody touches the machine, and log-out-and-clear
/// runs by itself; the portal's cookies and storage are gone, its tab is closed, and the audit trail says why.
/// </summary>
/// <remarks>
/// Firefox's <c>browser.idle</c> asks the platform's idle service how long nobody has touched the machine; on X that is
/// the X server's own count (XScreenSaverQueryInfo), so the browser runs on Xvfb and the test's input is real X input
/// (xdotool), never WebDriver's synthesized events, which the X server does not see. As in Chromium the detection
/// interval's minimum is 15 s, and the test hook shortens it from the setting's whole minute to that
/// (<c>portalGuard.setIdleDetectionSeconds</c>); the idle state change itself is the browser's.
/// Headless Firefox has no platform count and goes by the input it handled itself (WebDriver's included): there the
/// timeout runs 15 s after the test's last click or key, whatever happens on any display, so this test needs Xvfb.
/// </remarks>
[Collection(WithFirefox.Name)]
public sealed class FirefoxIdleTimeoutTests(FirefoxFixture fixture, ITestOutputHelper output)
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
        await using var browser = await FirefoxBrowser.LaunchAsync(fixture, output, folders => RealHost.InstallForFirefoxAsync(folders, output), display.Name);

        // Sign in (through the gate), so the portal leaves a session cookie and storage behind.
        var portal = await browser.OpenAsync(fixture.LoginUrl);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        await browser.ClickAsync(portal, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(portal, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        await browser.PressWithAsync(portal, FirefoxBrowser.Keys.Shift, FirefoxBrowser.Keys.Tab);
        await browser.TypeAsync(portal, FirefoxBrowser.Keys.Enter);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("proceeded").GetBoolean());
        await browser.ClickAsync(portal, "#password");
        await browser.TypeAsync(portal, "not-a-real-password" + FirefoxBrowser.Keys.Enter);
        await GateOverlay.WaitForAsync(async () => (await browser.UrlAsync(portal)).EndsWith(TestPortalServer.HomePath, StringComparison.Ordinal), "the portal's home page");
        Assert.True((await browser.EvaluateAsync(portal, "window.portalStored")).GetBoolean());
        var hostName = PortalFixture.PortalHost;
        var cookies = $"browser.cookies.getAll({{ domain: '{hostName}' }})";
        Assert.True((await browser.EvaluateInExtensionAsync(cookies)).GetArrayLength() >= 2);

        // The person touches the machine, the timeout is switched on (through the host, as the options page does), and
        // then nobody touches it again.
        await display.TouchAsync();
        var lastInput = Stopwatch.StartNew();
        Assert.Equal((int)IdleDetection.TotalSeconds, (await browser.EvaluateInExtensionAsync($"portalGuard.setIdleDetectionSeconds({(int)IdleDetection.TotalSeconds})")).GetInt32());
        await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ idleTimeoutMinutes: 1 })");

        // Two thirds of the way, the person moves the mouse once more: the count starts again from there.
        await Task.Delay(IdleDetection * 2 / 3);
        Assert.Equal(JsonValueKind.Null, (await browser.EvaluateInExtensionAsync("portalGuard.lastClear()")).ValueKind);
        await display.TouchAsync();
        lastInput.Restart();

        var deadline = DateTime.UtcNow + IdleDetection + TimeSpan.FromSeconds(45);
        var clear = await browser.EvaluateInExtensionAsync("portalGuard.lastClear()");
        while (clear.ValueKind != JsonValueKind.Object && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            clear = await browser.EvaluateInExtensionAsync("portalGuard.lastClear()");
        }

        var clearedAfter = lastInput.Elapsed;
        output.WriteLine($"cleared {clearedAfter.TotalSeconds:F1} s after the last input: {clear}");
        Assert.True(clear.ValueKind == JsonValueKind.Object, $"nothing was cleared {lastInput.Elapsed.TotalSeconds:F0} s after the last input");
        Assert.Equal("idle", clear.GetProperty("trigger").GetString());
        Assert.Equal(0, clear.GetProperty("notRemoved").GetArrayLength());
        Assert.True(clearedAfter >= IdleDetection - TimeSpan.FromSeconds(1), $"cleared after only {clearedAfter.TotalSeconds:F1} s without input");

        // What the browser still holds for the portal, asked from the browser itself: no tab, cookie, history or storage.
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateInExtensionAsync($"browser.tabs.query({{ url: 'https://{hostName}/*' }})")).GetArrayLength() == 0, "the portal's tab to close");
        Assert.Equal(0, (await browser.EvaluateInExtensionAsync(cookies)).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInExtensionAsync($"browser.history.search({{ text: '{hostName}', startTime: 0 }})")).GetArrayLength());
        var empty = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        Assert.Equal(0, (await browser.EvaluateAsync(empty, "localStorage.length")).GetInt32());
        Assert.Equal(0, (await browser.EvaluateAsync(empty, "indexedDB.databases().then((all) => all.length)")).GetInt32());

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
