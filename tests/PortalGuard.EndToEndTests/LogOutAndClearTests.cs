using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The popup's "Log out &amp; clear" in a real Chromium: afterwards the browser holds no cookie, storage, cache
/// or history entry of the portal, and its tabs are closed. Also saves the popup and the options page as pictures.</summary>
[Collection(WithChromium.Name)]
public sealed class LogOutAndClearTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string ExtensionOrigin = "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh";

    [Fact]
    public async Task Log_out_and_clear_from_the_popup_leaves_nothing_of_the_portal_in_the_browser()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var portal = await browser.OpenAsync(fixture.LoginUrl);
        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        var tabId = tab.GetProperty("tabId").GetInt32();

        // Sign in (through the gate), so the portal leaves a session cookie, storage, a cache and a database behind.
        await PortalSignIn.ThroughTheGateAsync(browser, portal, fixture.Origin);
        var hostName = PortalFixture.PortalHost;

        var popup = await browser.OpenAsync($"{ExtensionOrigin}/popup/popup.html?tab={tabId}");
        await popup.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Contains("VPN: off", await popup.InnerTextAsync("#vpn"), StringComparison.Ordinal);
        Assert.Contains("Epic MyChart works over a VPN.", await popup.InnerTextAsync("#compat-lines"), StringComparison.Ordinal);
        await popup.FillAsync("#check-host", "acme.followmyhealth.com");
        await popup.ClickAsync("#check-form button");
        await popup.WaitForSelectorAsync("#check-lines li");
        await browser.ScreenshotAsync(popup, "popup.png");

        await popup.ClickAsync("#clear-portal");
        await popup.WaitForFunctionAsync("() => document.getElementById('clear-result').textContent.length > 0", null, new() { Timeout = 20_000 });
        var result = await popup.InnerTextAsync("#clear-result");
        output.WriteLine($"popup says: {result}");
        await browser.ScreenshotAsync(popup, "popup-after-clear.png");
        Assert.StartsWith("Done. Signed out and cleared", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not remove", result, StringComparison.Ordinal);
        Assert.True(portal.IsClosed);

        // What the browser still holds for the portal, asked from the browser itself.
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.cookies.getAll({{ domain: '{hostName}' }})")).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.history.search({{ text: '{hostName}', startTime: 0 }})")).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync($"chrome.tabs.query({{ url: 'https://{hostName}/*' }})")).GetArrayLength());
        var empty = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        Assert.Equal(0, await empty.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Equal(0, await empty.EvaluateAsync<int>("async () => (await caches.keys()).length"));
        Assert.Equal(0, await empty.EvaluateAsync<int>("async () => (await indexedDB.databases()).length"));

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "sessionCleared");
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);

        var options = await browser.OpenAsync($"{ExtensionOrigin}/options/options.html");
        await options.WaitForSelectorAsync("body[data-ready=true]");
        await browser.ScreenshotAsync(options, "options.png");
    }
}
