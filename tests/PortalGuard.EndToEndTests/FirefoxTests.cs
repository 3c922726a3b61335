using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The add-on's Firefox build in a real Firefox with the real host: native messaging under Firefox's add-on id
/// and manifest, the host's verdict on a catalog portal, the pre-login gate on a lookalike, the popup, "log out &amp;
/// clear" and shared-device mode. One Firefox serves the whole class (FirefoxFixture); each test opens its own tabs.</summary>
[Collection(WithFirefox.Name)]
public sealed class FirefoxTests(FirefoxFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Firefox_starts_the_real_host_for_the_add_on_and_a_catalog_portal_gets_its_verdict()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var page = await browser.OpenAsync(fixture.LoginUrl);

        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        await browser.ScreenshotAsync(page, "firefox-vpn-off-banner.png");
        Assert.True(tab.GetProperty("answeredByHost").GetBoolean(), tab.ToString());
        Assert.Equal("warn", tab.GetProperty("level").GetString());
        Assert.Contains("vpn-off", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("You opened Epic MyChart without a VPN", tab.GetProperty("notification").GetString());
        var tabId = tab.GetProperty("tabId").GetInt32();
        Assert.Equal("WARN", (await browser.EvaluateInExtensionAsync($"browser.action.getBadgeText({{ tabId: {tabId} }})")).GetString());

        // Firefox started the host as its documentation says: the manifest's path, then the add-on's id.
        var connection = await browser.EvaluateInExtensionAsync("portalGuard.connectionState()");
        Assert.Equal("online", connection.GetProperty("status").GetString());
        var hosts = browser.CommandLinesContaining(FirefoxBrowser.AddonId);
        Assert.NotEmpty(hosts);
        Assert.All(hosts, host => Assert.Contains(Path.Combine(".mozilla", "native-messaging-hosts", "com.portalguard.host.json"), host, StringComparison.Ordinal));
        output.WriteLine($"host started by Firefox: {hosts[0]}");

        // Firefox suspends an idle background page (after 3 s in this profile): the open port to the host keeps it
        // running, so after a quiet spell it still knows the tab and talks to the same host process.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(hosts, browser.CommandLinesContaining(FirefoxBrowser.AddonId));
        var later = await browser.EvaluateInExtensionAsync($"portalGuard.tabState({tabId})");
        Assert.True(later.ValueKind == JsonValueKind.Object && later.GetProperty("answeredByHost").GetBoolean(), later.ToString());
        Assert.Equal(connection.GetProperty("since").GetInt64(), (await browser.EvaluateInExtensionAsync("portalGuard.connectionState()")).GetProperty("since").GetInt64());

        var banner = await browser.ReadShadowRootAsync(page, "portalguard-banner");
        Assert.NotNull(banner);
        Assert.Equal("closed", banner.Value.Mode);
        Assert.Matches(LoginPageTests.VpnOffSentence, banner.Value.Text);
        // The page itself can neither reach the banner nor read its words.
        Assert.True((await browser.EvaluateAsync(page, "document.querySelector('portalguard-banner').shadowRoot === null")).GetBoolean());
        Assert.DoesNotContain("VPN", (await browser.EvaluateAsync(page, "document.documentElement.innerText")).GetString(), StringComparison.Ordinal);

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "warningShown");
        Assert.Contains(fixture.Origin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart/Authentication", audit, StringComparison.Ordinal);
        await browser.CloseAsync(page);
    }

    [Fact]
    public async Task Lookalike_sign_in_typed_and_submitted_is_stopped_and_no_credentials_reach_the_server()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var page = await browser.OpenAsync(fixture.LookalikeOrigin + TestPortalServer.LoginPath);

        var tab = await browser.WaitForTabStateAsync(fixture.LookalikeOrigin, t => t.GetProperty("bannerShown").GetBoolean());
        Assert.Equal("block", tab.GetProperty("level").GetString());
        Assert.Contains("lookalike-domain", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var tabId = tab.GetProperty("tabId").GetInt32();
        Assert.Equal("STOP", (await browser.EvaluateInExtensionAsync($"browser.action.getBadgeText({{ tabId: {tabId} }})")).GetString());

        // A person types a username and clicks into the password field: the overlay covers the page.
        await browser.ClickAsync(page, "#username");
        await browser.TypeAsync(page, "patient");
        await browser.ClickAsync(page, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(page, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        var overlay = await browser.ReadShadowRootAsync(page, "portalguard-overlay");
        Assert.NotNull(overlay);
        Assert.Equal("closed", overlay.Value.Mode);
        Assert.Contains(GateOverlay.BlockTitle, overlay.Value.Text, StringComparison.Ordinal);
        Assert.Contains("This page is pretending to be mychart.ucsf.edu.", overlay.Value.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue anyway", overlay.Value.Text, StringComparison.Ordinal);

        // What the person types then never reaches the password field.
        await browser.TypeAsync(page, "not-a-real-password");
        Assert.Equal(string.Empty, (await browser.EvaluateAsync(page, "document.getElementById('password').value")).GetString());
        Assert.Equal("PORTALGUARD-OVERLAY", (await browser.EvaluateAsync(page, $"({GateOverlay.CentreTag})()")).GetString());
        await browser.ScreenshotAsync(page, "firefox-gate-overlay-block.png");

        // The page's own script fills the field and sends the form both ways a script can: the gate holds both, and
        // form.submit() (which fires no submit event, only formdata) is reported to the host as a blocked submission.
        await browser.EvaluateAsync(page, "(document.getElementById('password').value = 'page-typed-secret', document.forms[0].requestSubmit(), true)");
        await browser.EvaluateAsync(page, "(document.forms[0].submit(), true)");
        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "submissionBlocked");
        using (var events = JsonDocument.Parse(audit))
        {
            Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == "submissionBlocked" && e.GetProperty("origin").GetString() == fixture.LookalikeOrigin);
        }

        Assert.DoesNotContain("secret", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.EndsWith(TestPortalServer.LoginPath, await browser.UrlAsync(page), StringComparison.Ordinal);

        // Enter chooses the overlay's only button, "Leave this page": the tab leaves (a new tab has nowhere to go back to, so about:blank).
        await browser.TypeAsync(page, FirefoxBrowser.Keys.Enter);
        await GateOverlay.WaitForAsync(async () => await browser.UrlAsync(page) == "about:blank", "the tab to leave the lookalike");

        // Nothing was ever sent under the lookalike's name.
        Assert.DoesNotContain(fixture.Server.SignIns, s => s.StartsWith(PortalFixture.LookalikeHost + " ", StringComparison.Ordinal));
        await browser.CloseAsync(page);
    }

    [Fact]
    public async Task Popup_shows_the_verdict_and_log_out_and_clear_leaves_no_cookie_of_the_portal()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var portal = await browser.OpenAsync(fixture.LoginUrl);
        var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean());
        var tabId = tab.GetProperty("tabId").GetInt32();

        // Sign in as a person would without a VPN: the gate asks, "Continue anyway", then the form.
        await browser.ClickAsync(portal, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(portal, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        var overlay = await browser.ReadShadowRootAsync(portal, "portalguard-overlay");
        Assert.Contains(GateOverlay.WarnTitle, overlay?.Text, StringComparison.Ordinal);
        await browser.PressWithAsync(portal, FirefoxBrowser.Keys.Shift, FirefoxBrowser.Keys.Tab);
        await browser.TypeAsync(portal, FirefoxBrowser.Keys.Enter);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("proceeded").GetBoolean());
        await browser.ClickAsync(portal, "#password");
        await browser.TypeAsync(portal, "not-a-real-password" + FirefoxBrowser.Keys.Enter);
        await GateOverlay.WaitForAsync(async () => (await browser.UrlAsync(portal)).EndsWith(TestPortalServer.HomePath, StringComparison.Ordinal), "the portal's home page");
        Assert.Contains($"{PortalFixture.PortalHost} [password username]", fixture.Server.SignIns);
        Assert.True((await browser.EvaluateAsync(portal, "window.portalStored")).GetBoolean());
        var cookies = $"browser.cookies.getAll({{ domain: '{PortalFixture.PortalHost}' }})";
        Assert.True((await browser.EvaluateInExtensionAsync(cookies)).GetArrayLength() >= 2);

        // The popup, opened as a tab for the portal's tab, says what the host said.
        var popup = await browser.OpenAsync($"{FirefoxBrowser.ExtensionOrigin}/popup/popup.html?tab={tabId}");
        await WaitForPageAsync(browser, popup, "document.body.dataset.ready === 'true'", "the popup to be ready");
        Assert.Contains("VPN: off", await TextAsync(browser, popup, "#vpn"), StringComparison.Ordinal);
        Assert.Contains("You opened Epic MyChart without a VPN.", await TextAsync(browser, popup, "#page-reasons"), StringComparison.Ordinal);
        Assert.Contains("Epic MyChart works over a VPN.", await TextAsync(browser, popup, "#compat-lines"), StringComparison.Ordinal);
        Assert.True((await browser.EvaluateAsync(popup, "document.getElementById('offline').hidden")).GetBoolean());
        await browser.ScreenshotAsync(popup, "firefox-popup.png", wholeDocument: true);

        await browser.ClickAsync(popup, "#clear-portal");
        await WaitForPageAsync(browser, popup, "document.getElementById('clear-result').textContent.length > 0", "the result of log out & clear");
        var result = await TextAsync(browser, popup, "#clear-result");
        output.WriteLine($"popup says: {result}");
        await browser.ScreenshotAsync(popup, "firefox-popup-after-clear.png", wholeDocument: true);
        Assert.StartsWith("Done. Signed out and cleared", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not remove", result, StringComparison.Ordinal);

        // What the browser still holds for the portal, asked from the browser itself.
        Assert.Equal(0, (await browser.EvaluateInExtensionAsync(cookies)).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInExtensionAsync($"browser.history.search({{ text: '{PortalFixture.PortalHost}', startTime: 0 }})")).GetArrayLength());
        Assert.Equal(0, (await browser.EvaluateInExtensionAsync($"browser.tabs.query({{ url: 'https://{PortalFixture.PortalHost}/*' }})")).GetArrayLength());
        var empty = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        Assert.Equal(0, (await browser.EvaluateAsync(empty, "localStorage.length")).GetInt32());
        Assert.Equal(0, (await browser.EvaluateAsync(empty, "caches.keys().then((keys) => keys.length)")).GetInt32());
        Assert.Equal(0, (await browser.EvaluateAsync(empty, "indexedDB.databases().then((all) => all.length)")).GetInt32());

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "sessionCleared");
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
        await browser.CloseAsync(empty);
        await browser.CloseAsync(popup);
    }

    [Fact]
    public async Task Shared_device_locks_remember_me_and_switches_password_saving_off_then_back()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        try
        {
            // Switched on as the popup does it: through the background, which asks the host to store it.
            await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: true })");
            var page = await browser.OpenAsync(fixture.Origin + TestPortalServer.SharedDevicePath);
            await WaitForPageAsync(browser, page, "document.getElementById('username-later')?.disabled === true", "the late remember-me box to be locked");
            var controls = await browser.EvaluateAsync(page, $"({SharedDeviceTests.ReadControls})()");
            foreach (var name in new[] { "remember", "keep", "recordarme", "trust", "stay", "device", "later" })
            {
                Assert.Equal(new SharedDeviceTests.Control(Checked: false, Disabled: true), SharedDeviceTests.Read(controls, name));
            }

            Assert.Equal(new SharedDeviceTests.Control(Checked: true, Disabled: false), SharedDeviceTests.Read(controls, "terms"));

            // A click on a locked toggle or on a checkbox's label changes nothing. (Clicked by script: the banner
            // covers the top of this plain page, where they are; the page's own handler flips #trust on click.)
            await browser.EvaluateAsync(page, "(document.getElementById('trust').click(), document.querySelector('label[for=remember]').click(), true)");
            controls = await browser.EvaluateAsync(page, $"({SharedDeviceTests.ReadControls})()");
            Assert.False(SharedDeviceTests.Read(controls, "trust").Checked);
            Assert.False(SharedDeviceTests.Read(controls, "remember").Checked);

            // The banner covers the top of this plain page: its "Close" button (top right) takes it away.
            await browser.ClickAtAsync(page, 1050, 28);
            await WaitForPageAsync(browser, page, "document.querySelector('portalguard-banner') === null", "the banner to close");
            await browser.ScreenshotAsync(page, "firefox-shared-device.png");

            var saving = await SharedDeviceTests.WaitForPasswordSavingAsync(browser.EvaluateInExtensionAsync, "controlled_by_this_extension");
            Assert.False(saving.GetProperty("value").GetBoolean());

            // Turning the mode off gives password saving back to the browser, and the page's controls to the person.
            await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: false })");
            saving = await SharedDeviceTests.WaitForPasswordSavingAsync(browser.EvaluateInExtensionAsync, "controllable_by_this_extension");
            Assert.True(saving.GetProperty("value").GetBoolean());
            await WaitForPageAsync(browser, page, "document.getElementById('remember').disabled === false", "the remember-me box to be usable again");

            var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "rememberMeBlocked", "passwordSavingDisabled", "passwordSavingRestored");
            Assert.DoesNotContain("Remember", audit, StringComparison.Ordinal);
            Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
            await browser.CloseAsync(page);
        }
        finally
        {
            await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: false })");
        }
    }

    [Fact]
    public async Task Vpn_dropping_shows_a_banner_on_every_open_portal_tab_and_the_gate_asks_again()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var login = await browser.OpenAsync(fixture.LoginUrl);
        var loginTab = (await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("bannerShown").GetBoolean())).GetProperty("tabId").GetInt32();
        var home = await browser.OpenAsync(fixture.Origin + TestPortalServer.EmptyPath);
        var homeTab = (await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("tabId").GetInt32() != loginTab && t.GetProperty("identityStatus").GetString() == "known")).GetProperty("tabId").GetInt32();

        // The person chooses "Continue anyway" on the login page (without a VPN, before the drop).
        await browser.ActivateAsync(login);
        await browser.ClickAsync(login, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(login, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        await browser.PressWithAsync(login, FirefoxBrowser.Keys.Shift, FirefoxBrowser.Keys.Tab);
        await browser.TypeAsync(login, FirefoxBrowser.Keys.Enter);
        await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("tabId").GetInt32() == loginTab && t.GetProperty("proceeded").GetBoolean());
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(login, "document.querySelector('portalguard-overlay') === null")).GetBoolean(), "the overlay to go");
        Assert.False((await browser.EvaluateInExtensionAsync($"portalGuard.tabState({homeTab})")).TryGetProperty("vpnDropBanner", out var before) && before.GetBoolean());

        // No VPN can be dropped on this machine: the background is handed the host's pushes as the host sends them.
        const string Network = "{{ vpn: '{0}', egress: {{ name: 'eth0', kind: 'none', isTunnel: false }}, tunnelsUp: [], ipv6BypassesTunnel: false }}";
        await browser.EvaluateInExtensionAsync($"portalGuard.receiveHostPush({{ type: 'postureChanged', network: {string.Format(CultureInfo.InvariantCulture, Network, "on")} }})");
        var pushed = Stopwatch.StartNew();
        await browser.EvaluateInExtensionAsync($"portalGuard.receiveHostPush({{ type: 'postureChanged', network: {string.Format(CultureInfo.InvariantCulture, Network, "off")} }})");

        foreach (var (context, tabId) in new[] { (login, loginTab), (home, homeTab) })
        {
            var tab = await browser.WaitForTabStateAsync(fixture.Origin, t => t.GetProperty("tabId").GetInt32() == tabId && t.TryGetProperty("vpnDropBanner", out var shown) && shown.GetBoolean());
            Assert.False(tab.GetProperty("proceeded").GetBoolean(), tab.ToString());
            await GateOverlay.WaitForAsync(async () => (await browser.ReadShadowRootAsync(context, "portalguard-banner"))?.Text.Contains("Your VPN went off", StringComparison.Ordinal) == true, "the VPN-dropped banner");
            var banner = await browser.ReadShadowRootAsync(context, "portalguard-banner");
            Assert.Equal("closed", banner!.Value.Mode);
            Assert.Contains("Your VPN stopped while Epic MyChart is open.", banner.Value.Text, StringComparison.Ordinal);
            Assert.Equal("WARN", (await browser.EvaluateInExtensionAsync($"browser.action.getBadgeText({{ tabId: {tabId} }})")).GetString());
        }

        output.WriteLine($"both tabs showed the VPN-dropped banner {pushed.ElapsedMilliseconds} ms after the push");
        Assert.True(pushed.Elapsed < TimeSpan.FromSeconds(5), $"the banners took {pushed.ElapsedMilliseconds} ms");
        await browser.ScreenshotAsync(home, "firefox-vpn-dropped-banner.png");

        // The earlier "Continue anyway" no longer counts: the password field brings the gate back.
        await browser.ActivateAsync(login);
        await browser.ClickAsync(login, "#username");
        await browser.ClickAsync(login, "#password");
        await GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(login, $"({GateOverlay.CentreTag})()")).GetString() == "PORTALGUARD-OVERLAY", "the overlay on top of the page again");
        var overlay = await browser.ReadShadowRootAsync(login, "portalguard-overlay");
        Assert.Contains(GateOverlay.WarnTitle, overlay?.Text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(login, "firefox-vpn-dropped-gate.png");
        await browser.CloseAsync(login);
        await browser.CloseAsync(home);
    }

    private static Task WaitForPageAsync(FirefoxBrowser browser, string context, string condition, string what) =>
        GateOverlay.WaitForAsync(async () => (await browser.EvaluateAsync(context, condition)).ValueKind == JsonValueKind.True, what);

    private static async Task<string> TextAsync(FirefoxBrowser browser, string context, string selector) =>
        (await browser.EvaluateAsync(context, $"document.querySelector('{selector}').innerText")).GetString() ?? string.Empty;
}
