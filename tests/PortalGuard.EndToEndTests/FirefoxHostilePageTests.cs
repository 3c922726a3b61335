using System.Text.Json;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The pages that fight the content script (<see cref="HostilePages"/>) and the ones that hide their password
/// field (<see cref="HiddenPasswordPages"/>), served by the same <see cref="HostilePageServer"/> as for Chromium, in the
/// collection's Firefox with the add-on and the real host: the gate shows on top and holds, nothing reaches the server,
/// the audit records the block, remember-me stays off. Page actions run in the page's own realm without JSON, since
/// one page redefines it.</summary>
[Collection(WithFirefox.Name)]
public sealed class FirefoxHostilePageTests(FirefoxFixture fixture, ITestOutputHelper output)
{
    private const string InRoot = "window.__root.getElementById";

    private HostilePageServer Server => fixture.HostilePages;

    [Fact]
    public async Task Gate_shows_on_top_and_holds_and_nothing_is_sent_on_every_hostile_page_under_the_lookalike_name()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await ForEachPageAsync(HostilePages.Names, lookalike: true, (browser, page, name) => name == HostilePages.FrozenDom
            ? PageThatUndoesTheGateIsLeftAsync(browser, page)
            : GateHoldsAndNothingIsSentAsync(browser, page, name));
    }

    [Fact]
    public async Task Warning_shows_on_top_and_holds_keys_on_every_hostile_page_under_the_portals_name_without_a_vpn()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        // The frozen page leaves at once under either name (a page that undoes the gate); the lookalike's table covers it.
        await ForEachPageAsync(HostilePages.Names.Where(n => n != HostilePages.FrozenDom), lookalike: false, WarningHoldsAsync);
    }

    [Theory]
    [InlineData(HiddenPasswordPages.ClosedShadowLogin)]
    [InlineData(HiddenPasswordPages.NestedShadowLogin)]
    [InlineData(HiddenPasswordPages.SameOriginFrameLogin)]
    public async Task Lookalike_sign_in_inside_a_closed_shadow_root_or_a_frame_is_blocked_and_nothing_is_sent(string name)
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var origin = Server.Origin(lookalike: true);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + name);
        try
        {
            // The person clicks the user name (inside the closed root or the frame), types, and tabs to the password: blocked at once.
            await ClickInRootAsync(browser, page, "username");
            await browser.TypeAsync(page, "patient");
            await browser.TypeAsync(page, FirefoxBrowser.Keys.Tab);
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.BlockTitle);
            var tab = await browser.WaitForTabStateAsync(origin, t => t.GetProperty("level").GetString() == "block");
            Assert.Contains("lookalike-domain", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
            await browser.TypeAsync(page, "hunter2");
            Assert.Equal(string.Empty, await TextAsync(browser, page, $"{InRoot}('password').value"));
            await browser.ScreenshotAsync(page, $"firefox-{name}-lookalike-blocked.png");

            // The page's own script sends the form anyway, with and without a submit event: nothing leaves.
            var blocked = await CountAuditAsync(browser, "submissionBlocked", origin);
            var before = Server.Arrivals.Count;
            await browser.EvaluateValueAsync(page, $"({InRoot}('password').value = 'hunter2', {InRoot}('login').requestSubmit(), true)");
            await browser.EvaluateValueAsync(page, $"({InRoot}('password').value = 'hunter2', {InRoot}('login').submit(), true)");
            await Task.Delay(800);
            Assert.Equal(before, Server.Arrivals.Count);
            Assert.Contains(HostilePageServer.PagePrefix + name, await TextAsync(browser, page, "location.href"), StringComparison.Ordinal);
            await WaitForAsync(async () => await CountAuditAsync(browser, "submissionBlocked", origin) > blocked, "the audit to record the blocked submission");
        }
        finally
        {
            await browser.CloseAsync(page);
        }
    }

    [Theory]
    [InlineData(HiddenPasswordPages.AutocompletePassword)]
    [InlineData(HiddenPasswordPages.MaskedTextPassword)]
    [InlineData(HiddenPasswordPages.ShownPassword)]
    [InlineData(HiddenPasswordPages.PasswordOnFocus)]
    public async Task Vpn_off_portal_page_warns_on_a_password_field_drawn_as_text(string name)
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var page = await browser.OpenAsync(Server.Origin(lookalike: false) + HostilePageServer.PagePrefix + name);
        try
        {
            if (name == HiddenPasswordPages.ShownPassword)
            {
                // "Show password" first: the field is type=text when the person reaches it.
                await browser.ClickAsync(page, "#show");
                Assert.Equal("text", await TextAsync(browser, page, "document.getElementById('password').type"));
            }

            await browser.ClickAsync(page, "#password");
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.WarnTitle);

            // Keys typed while the warning is up never reach the field.
            await browser.TypeAsync(page, "hunter2");
            Assert.Equal(string.Empty, await TextAsync(browser, page, "document.getElementById('password').value"));
        }
        finally
        {
            await browser.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Search_box_on_a_vpn_off_portal_is_never_gated()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        var page = await browser.OpenAsync(Server.Origin(lookalike: false) + HostilePageServer.PagePrefix + HiddenPasswordPages.SearchOnly);
        try
        {
            await browser.ClickAsync(page, "#q");
            await browser.TypeAsync(page, "cardiology");
            await browser.ClickAsync(page, "#where");
            await browser.TypeAsync(page, "Oakland");
            await Task.Delay(800);
            Assert.False((await browser.EvaluateValueAsync(page, "document.querySelector('portalguard-overlay') !== null")).GetBoolean(), "a search box was gated");
            Assert.Equal("cardiology", await TextAsync(browser, page, "document.getElementById('q').value"));

            var before = Server.Arrivals.Count;
            await browser.ClickAsync(page, "#go");
            await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the search to arrive");
            Assert.Equal(["q", "where"], Server.Arrivals[before].Fields);
        }
        finally
        {
            await browser.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Remember_me_stays_off_on_a_shared_device_against_a_page_that_rechecks_it_in_a_loop_or_hides_it_in_a_closed_root()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: true })");
        var origin = Server.Origin(lookalike: false);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + HostilePages.RememberMeLoop);
        try
        {
            // Signing in: the page re-checks the box every 5 ms and writes remember=on into the form data itself.
            await browser.EvaluateValueAsync(page, "(document.getElementById('password').focus(), true)");
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.WarnTitle);
            await browser.PressWithAsync(page, FirefoxBrowser.Keys.Shift, FirefoxBrowser.Keys.Tab);
            await browser.TypeAsync(page, FirefoxBrowser.Keys.Enter);
            await browser.WaitForTabStateAsync(origin, t => t.GetProperty("proceeded").GetBoolean());
            await browser.ClickAsync(page, "#password");
            await browser.TypeAsync(page, "not-a-real-password");
            var before = Server.Arrivals.Count;
            await browser.ClickAsync(page, "#sign-in");
            await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the form to arrive");
            var sent = Server.Arrivals[before];
            output.WriteLine($"the form sent: {sent}");
            Assert.Contains("password", sent.Fields);
            Assert.DoesNotContain("remember", sent.Fields);
            await browser.CloseAsync(page);

            // Looking at the box: once the page's loop stops, it is unchecked and locked again within a moment.
            page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + HostilePages.RememberMeLoop);
            await Task.Delay(1_000);
            await browser.EvaluateValueAsync(page, "(window.stopLoop(), true)");
            await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, "(() => { const box = document.getElementById('remember'); return !box.checked && box.disabled; })()")).GetBoolean(), "the box to be unchecked and locked");
            Assert.Equal(string.Empty, await TextAsync(browser, page, "window.__seen()"));
            await browser.CloseAsync(page);

            // Only the box is in a closed root: locked as the page loads.
            page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + HiddenPasswordPages.ClosedShadowRememberMe);
            await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, $"(() => {{ const box = {InRoot}('remember'); return !box.checked && box.disabled; }})()")).GetBoolean(), "the box in the closed root to be unchecked and locked");
            await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "rememberMeBlocked");
        }
        finally
        {
            await browser.CloseAsync(page);
            await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: false })");
        }
    }

    [Fact]
    public async Task Remember_me_in_a_login_form_inside_a_closed_shadow_root_is_locked_on_a_shared_device_and_never_sent()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var browser = await fixture.BrowserAsync(output);
        await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: true })");
        var origin = Server.Origin(lookalike: false);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + HiddenPasswordPages.ClosedShadowLogin);
        try
        {
            // The whole form is in a closed root: locked as soon as the person reaches the form.
            await ClickInRootAsync(browser, page, "username");
            await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, $"(() => {{ const box = {InRoot}('remember'); return !box.checked && box.disabled; }})()")).GetBoolean(), "the box in the closed root to be unchecked and locked");

            // Continuing past the no-VPN warning and signing in sends the password, never the box.
            await browser.TypeAsync(page, FirefoxBrowser.Keys.Tab);
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.WarnTitle);
            await browser.PressWithAsync(page, FirefoxBrowser.Keys.Shift, FirefoxBrowser.Keys.Tab);
            await browser.TypeAsync(page, FirefoxBrowser.Keys.Enter);
            await browser.WaitForTabStateAsync(origin, t => t.GetProperty("proceeded").GetBoolean());
            var before = Server.Arrivals.Count;
            await browser.EvaluateValueAsync(page, $"({InRoot}('remember').disabled = false, {InRoot}('remember').checked = true, {InRoot}('password').value = 'not-a-real-password', {InRoot}('login').requestSubmit(), true)");
            await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the form to arrive");
            var sent = Server.Arrivals[before];
            output.WriteLine($"the form sent: {sent}");
            Assert.Contains("password", sent.Fields);
            Assert.DoesNotContain("remember", sent.Fields);
        }
        finally
        {
            await browser.CloseAsync(page);
            await browser.EvaluateInExtensionAsync("portalGuard.setSettings({ sharedDevice: false })");
        }
    }

    // ── What must hold on a hostile page served under the lookalike's name ─────────────────────────────────────────

    private async Task GateHoldsAndNothingIsSentAsync(FirefoxBrowser browser, string page, string name)
    {
        await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, "document.getElementById('password') !== null")).GetBoolean(), "the login form");
        if (name == HostilePages.HidesHost)
        {
            await WaitForAsync(async () => await TextAsync(browser, page, "document.elementFromPoint(innerWidth / 2, 8)?.tagName ?? ''") == "PORTALGUARD-BANNER", "the banner on top");
        }

        // The password field gets the focus (a script's focus() or a person's click): the block covers the page.
        await browser.EvaluateValueAsync(page, "(document.getElementById('password').focus(), true)");
        await WaitForOverlayOnTopAsync(browser, page, GateOverlay.BlockTitle);
        if (name == HostilePages.CoversTopLayer)
        {
            // The page puts its own modal dialog and popover above ours five times, 60 ms apart.
            await Task.Delay(1_200);
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.BlockTitle);
        }

        if (name == HostilePages.HidesHost)
        {
            await browser.ScreenshotAsync(page, "firefox-hostile-page-hides-host.png");
        }

        // Keys typed now never reach the password field (nor the page's fetch on input).
        var before = Server.Arrivals.Count;
        await browser.EvaluateValueAsync(page, "(document.getElementById('password').focus(), true)");
        await browser.TypeAsync(page, "hunter2");
        Assert.Equal(string.Empty, await TextAsync(browser, page, "document.getElementById('password').value"));

        // The page's own script sends the form, with a submit event and without: nothing leaves, the tab stays.
        var blocked = await CountAuditAsync(browser, "submissionBlocked", Server.Origin(lookalike: true));
        if (name == HostilePages.ScriptSubmit)
        {
            await browser.EvaluateValueAsync(page, "(window.sendForm(), true)");
        }
        else
        {
            await browser.EvaluateValueAsync(page, "(document.getElementById('password').value = 'hunter2', document.getElementById('login').requestSubmit(), true)");
            await browser.EvaluateValueAsync(page, "(document.getElementById('login').submit(), true)");
        }

        await Task.Delay(800);
        Assert.True(before == Server.Arrivals.Count, $"reached the server: {string.Join("; ", Server.Arrivals.Skip(before))}");
        Assert.Contains(HostilePageServer.PagePrefix + name, await TextAsync(browser, page, "location.href"), StringComparison.Ordinal);
        await WaitForAsync(async () => await CountAuditAsync(browser, "submissionBlocked", Server.Origin(lookalike: true)) > blocked, "the audit to record the blocked submission");
        Assert.Equal(string.Empty, PortalGuardsPart(name, await TextAsync(browser, page, "window.__seen()")));
    }

    /// <summary>What the page's probe saw that is not the page's own doing. Firefox refuses Object.freeze(document)
    /// ("can't prevent extensions on this object", with no add-on at all: checked by hand), so the redefining page's
    /// own script throws there, after every redefinition and the prototypes' freeze; that error is its, not ours.</summary>
    private static string PortalGuardsPart(string name, string seen) => name != HostilePages.RedefinedGlobals ? seen
        : string.Join("\n", seen.Split('\n').Where(line => !line.Contains("can't prevent extensions on this object", StringComparison.Ordinal)));

    private static async Task FocusShowsWarningAndKeysStayOutAsync(FirefoxBrowser browser, string page)
    {
        await browser.EvaluateValueAsync(page, "(document.getElementById('password').focus(), true)");
        await WaitForOverlayOnTopAsync(browser, page, GateOverlay.WarnTitle);
        await browser.TypeAsync(page, "hunter2");
        Assert.Equal(string.Empty, await TextAsync(browser, page, "document.getElementById('password').value"));
    }

    private static async Task WarningHoldsAsync(FirefoxBrowser browser, string page, string name)
    {
        await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, "document.getElementById('password') !== null")).GetBoolean(), "the login form");
        await FocusShowsWarningAndKeysStayOutAsync(browser, page);
        if (name == HostilePages.CoversTopLayer)
        {
            // The page puts its own modal dialog and popover above ours five times, 60 ms apart.
            await Task.Delay(1_200);
            await WaitForOverlayOnTopAsync(browser, page, GateOverlay.WarnTitle);
        }

        // "Don't sign in now" (it has the focus): the warning goes; the next focus brings it back, and keys stay out again.
        await browser.TypeAsync(page, FirefoxBrowser.Keys.Enter);
        await WaitForAsync(async () => await TextAsync(browser, page, $"({GateOverlay.CentreTag})()") != "PORTALGUARD-OVERLAY", "the overlay to close");
        if (name == HostilePages.CoversTopLayer)
        {
            // The page left its own modal dialog open over everything: the rest of the page is inert, so its
            // password field can take no focus, from a script or a person, and there is nothing to gate.
            Assert.True((await browser.EvaluateValueAsync(page, "(document.getElementById('password').focus(), document.getElementById('evil-dialog').open && document.activeElement !== document.getElementById('password'))")).GetBoolean());
        }
        else
        {
            await FocusShowsWarningAndKeysStayOutAsync(browser, page);
        }

        Assert.Equal(string.Empty, PortalGuardsPart(name, await TextAsync(browser, page, "window.__seen()")));
    }

    private async Task PageThatUndoesTheGateIsLeftAsync(FirefoxBrowser browser, string page)
    {
        // The page is left, so its probe is read first.
        Assert.Equal(string.Empty, await TextAsync(browser, page, "window.__seen()"));
        var blocked = await CountAuditAsync(browser, "submissionBlocked", Server.Origin(lookalike: true));
        var before = Server.Arrivals.Count;
        await browser.EvaluateValueAsync(page, "(document.getElementById('password').value = 'hunter2', document.getElementById('login').requestSubmit(), true)");
        await WaitForAsync(async () => !(await TextAsync(browser, page, "location.href")).Contains(HostilePageServer.PagePrefix, StringComparison.Ordinal), "the tab to leave the page");
        Assert.Equal(before, Server.Arrivals.Count);
        await WaitForAsync(async () => await CountAuditAsync(browser, "submissionBlocked", Server.Origin(lookalike: true)) > blocked, "the audit to record the blocked submission");
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Runs the check on each page in its own tab, one after another; fails at the end naming every page that failed.</summary>
    private async Task ForEachPageAsync(IEnumerable<string> names, bool lookalike, Func<FirefoxBrowser, string, string, Task> check)
    {
        var browser = await fixture.BrowserAsync(output);
        var failures = new List<string>();
        foreach (var name in names)
        {
            var started = DateTime.UtcNow;
            var page = await OpenAsync(browser, name, lookalike);
            try
            {
                await check(browser, page, name);
                output.WriteLine($"{name}: passed in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add($"{name}: {exception.Message}");
                output.WriteLine($"{name}: FAILED {exception}");
            }
            finally
            {
                await browser.CloseAsync(page);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<string> OpenAsync(FirefoxBrowser browser, string name, bool lookalike)
    {
        var origin = Server.Origin(lookalike);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + name);
        var level = lookalike ? "block" : "warn";
        await browser.WaitForTabStateAsync(origin, t => t.TryGetProperty("bannerShown", out var shown) && shown.GetBoolean() && t.GetProperty("level").GetString() == level);
        return page;
    }

    private static async Task WaitForOverlayOnTopAsync(FirefoxBrowser browser, string page, string title)
    {
        await WaitForAsync(async () => await TextAsync(browser, page, $"({GateOverlay.CentreTag})()") == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        var overlay = await browser.ReadShadowRootAsync(page, "portalguard-overlay");
        Assert.NotNull(overlay);
        Assert.Equal("closed", overlay.Value.Mode);
        Assert.Contains(title, overlay.Value.Text, StringComparison.Ordinal);
    }

    /// <summary>A real mouse click on an element inside the page's closed root or frame, which selectors cannot reach.</summary>
    private static async Task ClickInRootAsync(FirefoxBrowser browser, string page, string id)
    {
        await WaitForAsync(async () => (await browser.EvaluateValueAsync(page, $"window.__root?.getElementById('{id}') != null")).GetBoolean(), $"#{id} in the page's root");
        var x = (await browser.EvaluateValueAsync(page, $"(() => {{ const r = {InRoot}('{id}').getBoundingClientRect(); return Math.round((window.__offset?.x ?? 0) + r.x + r.width / 2); }})()")).GetInt32();
        var y = (await browser.EvaluateValueAsync(page, $"(() => {{ const r = {InRoot}('{id}').getBoundingClientRect(); return Math.round((window.__offset?.y ?? 0) + r.y + r.height / 2); }})()")).GetInt32();
        await browser.ClickAtAsync(page, x, y);
    }

    private async Task<int> CountAuditAsync(FirefoxBrowser browser, string code, string origin)
    {
        var audit = await RealHost.ReadAuditAsync(browser.DataDirectory);
        if (audit is null)
        {
            return 0;
        }

        using var events = JsonDocument.Parse(audit);
        var count = events.RootElement.EnumerateArray().Count(e => e.GetProperty("code").GetString() == code && e.GetProperty("origin").GetString() == origin);
        output.WriteLine($"audit: {count} × {code} for {origin}");
        return count;
    }

    private static async Task<string> TextAsync(FirefoxBrowser browser, string page, string expression) =>
        (await browser.EvaluateValueAsync(page, expression)).GetString() ?? string.Empty;

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => GateOverlay.WaitForAsync(condition, what);
}
