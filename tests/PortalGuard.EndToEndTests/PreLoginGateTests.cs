using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>What a person sees on a portal visit: the toolbar badge, the "without a VPN" notification, and the overlay
/// that stops a sign-in (lookalike) or asks for an explicit "continue anyway" (no VPN), recorded in the audit trail.</summary>
[Collection(WithChromium.Name)]
public sealed class PreLoginGateTests(PortalFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Vpn_off_visit_shows_badge_and_notification_and_continue_anyway_is_audited()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("notification").ValueKind == JsonValueKind.String && t.GetProperty("bannerShown").GetBoolean());
        var tabId = tab.GetProperty("tabId").GetInt32();
        Assert.Equal("You opened Epic MyChart without a VPN", tab.GetProperty("notification").GetString());
        Assert.Equal("WARN", (await browser.EvaluateInWorkerAsync($"chrome.action.getBadgeText({{ tabId: {tabId} }})")).GetString());
        var notifications = await browser.EvaluateInWorkerAsync("chrome.notifications.getAll()");
        Assert.Single(notifications.EnumerateObject());

        // Focusing the password field opens the gate: the reasons in plain words, in a closed shadow root.
        await page.FocusAsync("#password");
        var (mode, text) = await GateOverlay.WaitForShadowTextAsync(browser, page, "portalguard-overlay");
        Assert.Equal("closed", mode);
        Assert.Contains("Wait — check this before you type your password", text, StringComparison.Ordinal);
        Assert.Contains("You opened Epic MyChart without a VPN.", text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "gate-overlay-warn.png");

        // "Go back" has the focus; the person moves to "Continue anyway" and chooses it with the keyboard.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("proceeded").GetBoolean());

        // Having decided, the sign-in goes through.
        await page.FillAsync("#password", "not-a-real-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith(TestPortalServer.HomePath, StringComparison.Ordinal));

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "proceeded");
        Assert.Contains(fixture.Origin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookalike_sign_in_is_blocked_and_reported()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var page = await browser.OpenAsync(fixture.LookalikeOrigin + TestPortalServer.LoginPath);

        var tab = await browser.WaitForTabStateAsync(fixture.LookalikeOrigin, t => t.GetProperty("bannerShown").GetBoolean());
        Assert.Equal("block", tab.GetProperty("level").GetString());
        Assert.Contains("lookalike-domain", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var tabId = tab.GetProperty("tabId").GetInt32();
        Assert.Equal("STOP", (await browser.EvaluateInWorkerAsync($"chrome.action.getBadgeText({{ tabId: {tabId} }})")).GetString());

        // The page's own script submits the form: the gate holds it.
        await page.EvaluateAsync("() => { document.getElementById('password').value = 'x'; document.forms[0].requestSubmit(); }");
        var (_, text) = await GateOverlay.WaitForShadowTextAsync(browser, page, "portalguard-overlay");
        Assert.Contains("PortalGuard stopped this sign-in", text, StringComparison.Ordinal);
        Assert.Contains("This page is pretending to be mychart.ucsf.edu.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue anyway", text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "gate-overlay-block.png");

        await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "submissionBlocked");
        Assert.EndsWith(TestPortalServer.LoginPath, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vpn_dropping_shows_a_banner_on_every_open_portal_tab()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var login = await browser.OpenAsync(fixture.LoginUrl);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        var home = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        await WaitForPortalTabsAsync(browser, 2);

        // No VPN can be dropped on this machine: the worker is handed the host's pushes as the host sends them.
        const string Network = "{{ vpn: '{0}', egress: {{ name: 'eth0', kind: 'none', isTunnel: false }}, tunnelsUp: [], ipv6BypassesTunnel: false }}";
        await browser.EvaluateInWorkerAsync($"portalGuard.receiveHostPush({{ type: 'postureChanged', network: {string.Format(System.Globalization.CultureInfo.InvariantCulture, Network, "on")} }})");
        await browser.EvaluateInWorkerAsync($"portalGuard.receiveHostPush({{ type: 'postureChanged', network: {string.Format(System.Globalization.CultureInfo.InvariantCulture, Network, "off")} }})");

        var tabs = await WaitForPortalTabsAsync(browser, 2, t => t.TryGetProperty("vpnDropBanner", out var shown) && shown.GetBoolean());
        Assert.Equal(2, tabs);
        foreach (var page in new[] { login, home })
        {
            var (_, text) = await GateOverlay.WaitForShadowTextAsync(browser, page, "portalguard-banner");
            Assert.Contains("Your VPN went off", text, StringComparison.Ordinal);
            Assert.Contains("Your VPN stopped while Epic MyChart is open.", text, StringComparison.Ordinal);
        }

        await browser.ScreenshotAsync(home, "vpn-dropped-banner.png");
    }

    private static async Task<int> WaitForPortalTabsAsync(BrowserSession browser, int count, Func<JsonElement, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var found = 0;
        while (DateTime.UtcNow < deadline)
        {
            var all = await browser.EvaluateInWorkerAsync("portalGuard.allTabStates()");
            found = all.EnumerateObject().Count(t => t.Value.GetProperty("identityStatus").GetString() == "known" && (condition?.Invoke(t.Value) ?? true));
            if (found >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return found;
    }
}
