using System.Text.Json;
using PortalGuard.Install;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The add-on's Firefox build in a real Firefox that cannot reach the host: no host installed, or a host
/// manifest that names another add-on. Each test starts a Firefox of its own (the collection's has the host).</summary>
[Collection(WithFirefox.Name)]
public sealed class FirefoxGuardOfflineTests(FirefoxFixture fixture, ITestOutputHelper output)
{
    /// <summary>Firefox's own words when it finds no manifest it may use for the host (it says the same when the only
    /// manifest names another add-on: it never tells an add-on that a host exists for someone else).</summary>
    private const string NoSuchHost = "No such native application com.portalguard.host";

    [Fact]
    public async Task Without_the_host_installed_the_add_on_says_guard_offline_and_never_ok()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await FirefoxBrowser.LaunchAsync(fixture, output, _ => Task.CompletedTask);
        Assert.False(File.Exists(Path.Combine(browser.Root, "home", ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")));
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("codes").GetArrayLength() > 0);
        var tabId = tab.GetProperty("tabId").GetInt32();
        await AssertGuardOfflineAsync(browser, tabId, tab, "not-installed");
        // Without the host no address can be told from a portal's: no page gets a banner as it loads (the toolbar says it).
        Assert.True((await browser.EvaluateAsync(page, "document.querySelector('portalguard-banner') === null")).GetBoolean());

        // The popup says so too, with the fix, and nothing in it says the page is fine.
        var popup = await browser.OpenAsync($"{FirefoxBrowser.ExtensionOrigin}/popup/popup.html?tab={tabId}");
        await WaitForPageAsync(browser, popup, "document.body.dataset.ready === 'true'", "the popup to be ready");
        Assert.False((await browser.EvaluateAsync(popup, "document.getElementById('offline').hidden")).GetBoolean());
        var offline = await TextAsync(browser, popup, "#offline");
        Assert.Contains("Guard offline — cannot verify", offline, StringComparison.Ordinal);
        Assert.Contains("portalguard doctor", offline, StringComparison.Ordinal);
        Assert.Contains(NoSuchHost, offline, StringComparison.Ordinal);
        var whole = await TextAsync(browser, popup, "body");
        Assert.DoesNotContain("found no problem", whole, StringComparison.Ordinal);
        Assert.Contains("VPN: cannot tell", whole, StringComparison.Ordinal);
        await browser.ScreenshotAsync(popup, "firefox-popup-guard-offline.png", wholeDocument: true);

        await browser.CloseAsync(popup);

        // A quiet spell: the add-on tried again (after 1 s) and, with no port to the host to keep it running, Firefox
        // suspended its background (after 3 s in this profile; 30 s by default, as Chromium stops an idle worker),
        // which forgot the tab. The badges still say "OFF"; the background that starts again judges the open tab again,
        // and a click into the password field brings the gate with the same warning: the gate's question carries the
        // page's brand words.
        var startedAt = (await browser.EvaluateInExtensionAsync("portalGuard.startedAt()")).GetInt64();
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal("OFF", (await browser.EvaluateInExtensionAsync($"browser.action.getBadgeText({{ tabId: {tabId} }})")).GetString());
        Assert.Equal("OFF", (await browser.EvaluateInExtensionAsync("browser.action.getBadgeText({})")).GetString());
        var restartedAt = (await browser.EvaluateInExtensionAsync("portalGuard.startedAt()")).GetInt64();
        Assert.True(restartedAt > startedAt, $"the background was not restarted (started at {startedAt}, still), so this test shows nothing about a restart");
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("codes").GetArrayLength() > 0);
        await browser.ClickAsync(page, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(page, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        var overlay = await browser.ReadShadowRootAsync(page, "portalguard-overlay");
        Assert.NotNull(overlay);
        Assert.Contains(GateOverlay.WarnTitle, overlay.Value.Text, StringComparison.Ordinal);
        Assert.Contains("PortalGuard cannot check this page right now", overlay.Value.Text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "firefox-guard-offline-gate.png");
        await AssertGuardOfflineAsync(browser, tabId, await browser.EvaluateInExtensionAsync($"portalGuard.tabState({tabId})"), "not-installed");
        Assert.Empty(browser.CommandLinesContaining(FirefoxBrowser.AddonId));
        await browser.CloseAsync(page);
    }

    [Fact]
    public async Task Host_installed_for_another_add_on_is_never_started_and_the_guard_is_offline()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        const string Foreign = "someone-else@example.org";
        var manifestFolder = string.Empty;
        await using var browser = await FirefoxBrowser.LaunchAsync(fixture, output, folders =>
        {
            // The real host, under the right name and in the right place, for an add-on that is not ours.
            var foreign = HostManifest.ForFirefox(RepositoryLayout.HostExecutable) with { AllowedExtensions = [Foreign] };
            manifestFolder = Path.Combine(folders.Home, ".mozilla", "native-messaging-hosts");
            HostManifestInstaller.Install(foreign, manifestFolder);
            return Task.CompletedTask;
        });
        var manifest = await File.ReadAllTextAsync(Path.Combine(manifestFolder, "com.portalguard.host.json"));
        Assert.Contains(Foreign, manifest, StringComparison.Ordinal);
        Assert.DoesNotContain(FirefoxBrowser.AddonId, manifest, StringComparison.Ordinal);
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("codes").GetArrayLength() > 0);
        // Firefox refuses such a manifest before it starts anything, in the same words as a missing one, so the add-on
        // can only call it "not installed" (Chromium says "forbidden"); "portalguard doctor" names the real cause.
        await AssertGuardOfflineAsync(browser, tab.GetProperty("tabId").GetInt32(), tab, "not-installed");
        Assert.Empty(browser.CommandLinesContaining(FirefoxBrowser.AddonId));
        Assert.Empty(browser.CommandLinesContaining(RepositoryLayout.HostExecutable));
        await browser.CloseAsync(page);
    }

    /// <summary>The tab's record, the connection, the tab's badge and the toolbar's own badge all say "guard offline".</summary>
    private static async Task AssertGuardOfflineAsync(FirefoxBrowser browser, int tabId, JsonElement tab, string failure)
    {
        Assert.False(tab.GetProperty("answeredByHost").GetBoolean(), tab.ToString());
        Assert.Equal("warn", tab.GetProperty("level").GetString());
        Assert.Equal(["guard-offline"], tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var connection = await browser.EvaluateInExtensionAsync("portalGuard.connectionState()");
        Assert.Equal("offline", connection.GetProperty("status").GetString());
        Assert.Equal(NoSuchHost, connection.GetProperty("error").GetString());
        Assert.Equal(failure, connection.GetProperty("failure").GetString());
        Assert.Equal("OFF", (await browser.EvaluateInExtensionAsync($"browser.action.getBadgeText({{ tabId: {tabId} }})")).GetString());
        Assert.Equal("OFF", (await browser.EvaluateInExtensionAsync("browser.action.getBadgeText({})")).GetString());
        Assert.Contains(NoSuchHost, (await browser.EvaluateInExtensionAsync("browser.action.getTitle({})")).GetString(), StringComparison.Ordinal);
    }

    private static Task WaitForPageAsync(FirefoxBrowser browser, string context, string condition, string what) =>
        GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(context, condition)).ValueKind == JsonValueKind.True, what);

    private static async Task<string> TextAsync(FirefoxBrowser browser, string context, string selector) =>
        (await browser.EvaluateAsync(context, $"document.querySelector('{selector}').innerText")).GetString() ?? string.Empty;
}
