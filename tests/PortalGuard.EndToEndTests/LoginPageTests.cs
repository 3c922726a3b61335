using PortalGuard.Install;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The whole path in a real Chromium: a portal's login page → content script → service worker →
/// <c>portalguard</c> over native messaging → verdict → a banner on the page.</summary>
[Collection(WithChromium.Name)]
public sealed class LoginPageTests(PortalFixture fixture, ITestOutputHelper output)
{
    internal const string VpnOffSentence =
        @"You opened .+ without a VPN\. People on this network could see that you use it\. Connect your VPN before you sign in\.";

    [Fact]
    public async Task Portal_login_page_without_vpn_shows_the_hosts_vpn_off_warning()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        await browser.ScreenshotAsync(page, "vpn-off-banner.png");

        Assert.True(tab.GetProperty("answeredByHost").GetBoolean(), tab.ToString());
        Assert.Equal("warn", tab.GetProperty("level").GetString());
        Assert.Contains("vpn-off", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var connection = await browser.EvaluateInWorkerAsync("portalGuard.connectionState()");
        Assert.Equal("online", connection.GetProperty("status").GetString());

        var (mode, text) = await browser.ReadShadowRootAsync(page, "portalguard-banner");
        Assert.Equal("closed", mode);
        Assert.Matches(VpnOffSentence, text);

        // The page itself can neither reach the banner nor read its words.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('portalguard-banner').shadowRoot === null"));
        Assert.DoesNotContain("VPN", await page.EvaluateAsync<string>("() => document.documentElement.innerText"), StringComparison.Ordinal);

        // The extension told the host the warning was shown; the audit trail keeps the origin and never the path.
        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "warningShown");
        Assert.Contains(fixture.Origin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart/Authentication", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_host_installed_the_extension_says_guard_offline_and_never_ok()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, _ => Task.CompletedTask);
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("codes").GetArrayLength() > 0);
        Assert.False(tab.GetProperty("answeredByHost").GetBoolean());
        Assert.Equal("warn", tab.GetProperty("level").GetString());
        Assert.Equal(["guard-offline"], tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var connection = await browser.EvaluateInWorkerAsync("portalGuard.connectionState()");
        Assert.Equal("offline", connection.GetProperty("status").GetString());
        Assert.Equal("Specified native messaging host not found.", connection.GetProperty("error").GetString());
        Assert.Equal("not-installed", connection.GetProperty("failure").GetString());

        // At the sign-in of a page that shows a portal's name (MyChart), the gate says the page was not checked.
        await page.FocusAsync("#password");
        var (_, text) = await GateOverlay.WaitForShadowTextAsync(browser, page, "portalguard-overlay");
        Assert.Contains("PortalGuard cannot check this page right now", text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "guard-offline-overlay.png");
        Assert.Equal("OFF", (await browser.EvaluateInWorkerAsync($"chrome.action.getBadgeText({{ tabId: {tab.GetProperty("tabId").GetInt32()} }})")).GetString());

        // The popup says so too, with the fix.
        var popup = await browser.OpenAsync($"chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/popup/popup.html?tab={tab.GetProperty("tabId").GetInt32()}");
        await popup.WaitForSelectorAsync("body[data-ready=true]");
        var offline = await popup.InnerTextAsync("#offline");
        Assert.Contains("Guard offline — cannot verify", offline, StringComparison.Ordinal);
        Assert.Contains("portalguard doctor", offline, StringComparison.Ordinal);
        await browser.ScreenshotAsync(popup, "popup-guard-offline.png");
    }

    [Fact]
    public async Task Host_installed_for_another_extension_is_reported_as_forbidden()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders =>
        {
            var foreign = HostManifest.ForChromium(RepositoryLayout.HostExecutable) with { AllowedOrigins = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop/"] };
            HostManifestInstaller.Install(foreign, ChromiumManifestFolders.ForUserDataDir(folders.Profile));
            return Task.CompletedTask;
        });
        await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("codes").GetArrayLength() > 0);

        Assert.Equal(["guard-offline"], tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var connection = await browser.EvaluateInWorkerAsync("portalGuard.connectionState()");
        Assert.Equal("forbidden", connection.GetProperty("failure").GetString());
        Assert.Equal("Access to the specified native messaging host is forbidden.", connection.GetProperty("error").GetString());
    }
}
