using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The pre-login gate and the shared-device lock on password fields the document does not show as
/// <c>input[type=password]</c> (<see cref="HiddenPasswordPages"/>), in one real Chromium with the real host: a login
/// form in a closed shadow root (nested too) or in a same-origin frame, a password drawn as <c>type=text</c>, and a search
/// box that must be left alone.</summary>
[Collection(WithChromium.Name)]
public sealed class HiddenPasswordFieldTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string WarnTitle = GateOverlay.WarnTitle;
    private const string BlockTitle = GateOverlay.BlockTitle;
    private const string InRoot = "(id) => window.__root.getElementById(id)";

    private HostilePageServer Server => fixture.HostilePages;

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

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var (page, origin) = await OpenAsync(browser, name, lookalike: true);

        // The person clicks the user name (inside the closed root), types, and tabs to the password: blocked at once.
        await ClickInRootAsync(page, "username");
        await page.Keyboard.TypeAsync("patient");
        await page.Keyboard.PressAsync("Tab");
        await WaitForOverlayOnTopAsync(browser, page, BlockTitle);
        var tab = await browser.WaitForTabStateAsync(origin, t => t.GetProperty("level").GetString() == "block");
        Assert.Contains("lookalike-domain", tab.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        await browser.ScreenshotAsync(page, $"{name}-lookalike-blocked.png");

        // The page's own script sends the form anyway, with and without a submit event: nothing leaves.
        var before = Server.Arrivals.Count;
        await page.EvaluateAsync($"() => {{ const at = {InRoot}; at('password').value = 'hunter2'; at('login').requestSubmit(); }}");
        await page.EvaluateAsync($"() => {{ const at = {InRoot}; at('password').value = 'hunter2'; at('login').submit(); }}");
        await Task.Delay(800);
        Assert.Equal(before, Server.Arrivals.Count);
        Assert.Contains(HostilePageServer.PagePrefix + name, page.Url, StringComparison.Ordinal);
        await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "submissionBlocked");
        Assert.Empty(PageErrors(page));
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

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var (page, _) = await OpenAsync(browser, name, lookalike: false);
        if (name == HiddenPasswordPages.ShownPassword)
        {
            // "Show password" first: the field is type=text when the person reaches it.
            await page.ClickAsync("#show");
            Assert.Equal("text", await page.EvaluateAsync<string>("() => document.getElementById('password').type"));
        }

        await page.ClickAsync("#password");
        await WaitForOverlayOnTopAsync(browser, page, WarnTitle);

        // Keys typed while the warning is up never reach the field.
        await page.Keyboard.TypeAsync("hunter2");
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => document.getElementById('password').value"));
        Assert.Empty(PageErrors(page));
    }

    [Fact]
    public async Task Search_box_on_a_vpn_off_portal_is_never_gated()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var (page, origin) = await OpenAsync(browser, HiddenPasswordPages.SearchOnly, lookalike: false);

        await page.ClickAsync("#q");
        await page.Keyboard.TypeAsync("cardiology");
        await page.ClickAsync("#where");
        await page.Keyboard.TypeAsync("Oakland");
        await Task.Delay(800);
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('portalguard-overlay') !== null"), "a search box was gated");
        Assert.Equal("cardiology", await page.EvaluateAsync<string>("() => document.getElementById('q').value"));

        var before = Server.Arrivals.Count;
        await page.ClickAsync("#go");
        await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the search to arrive");
        Assert.Equal(["q", "where"], Server.Arrivals[before].Fields);
        var tabs = await browser.EvaluateInWorkerAsync("portalGuard.allTabStates()");
        Assert.DoesNotContain(tabs.EnumerateObject(), t => t.Value.GetProperty("origin").GetString() == origin
            && t.Value.TryGetProperty("gateShown", out var shown) && shown.ValueKind == JsonValueKind.Number && shown.GetInt32() > 0);
    }

    [Fact]
    public async Task Remember_me_in_a_closed_shadow_root_is_locked_on_a_shared_device_and_never_sent()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, async folders =>
        {
            await RealHost.InstallAsync(folders, output);
            await RealHost.SetSettingAsync(folders.Data, "sharedDevice", "true");
        });
        const string Locked = "() => { const box = window.__root.getElementById('remember'); return !box.checked && box.disabled; }";

        // Only the box is in a closed root (the password field is in the page): locked as the page loads.
        var (page, _) = await OpenAsync(browser, HiddenPasswordPages.ClosedShadowRememberMe, lookalike: false);
        await page.WaitForFunctionAsync(Locked, null, new() { Timeout = 15_000 });
        await page.CloseAsync();

        // The whole form is in a closed root: locked as soon as the person reaches the form.
        (page, var origin) = await OpenAsync(browser, HiddenPasswordPages.ClosedShadowLogin, lookalike: false);
        await ClickInRootAsync(page, "username");
        await page.WaitForFunctionAsync(Locked, null, new() { Timeout = 15_000 });
        await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "rememberMeBlocked");

        // Continuing past the no-VPN warning and signing in sends the password, never the box.
        await page.Keyboard.PressAsync("Tab");
        await WaitForOverlayOnTopAsync(browser, page, WarnTitle);
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await browser.WaitForTabStateAsync(origin, t => t.GetProperty("proceeded").GetBoolean());
        var before = Server.Arrivals.Count;
        await page.EvaluateAsync($"() => {{ const at = {InRoot}; at('remember').disabled = false; at('remember').checked = true; at('password').value = 'not-a-real-password'; at('login').requestSubmit(); }}");
        await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the form to arrive");
        var sent = Server.Arrivals[before];
        output.WriteLine($"the form sent: {sent}");
        Assert.Contains("password", sent.Fields);
        Assert.DoesNotContain("remember", sent.Fields);
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

    private readonly Dictionary<IPage, List<string>> _pageErrors = [];

    private async Task<(IPage Page, string Origin)> OpenAsync(BrowserSession browser, string name, bool lookalike)
    {
        var origin = fixture.HostileOrigin(lookalike);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + name);
        var errors = new List<string>();
        _pageErrors[page] = errors;
        page.PageError += (_, error) => errors.Add(error);
        return (page, origin);
    }

    private List<string> PageErrors(IPage page) => _pageErrors[page];

    /// <summary>A real mouse click on an element inside the page's closed root or frame (Playwright's selectors cannot
    /// reach into a closed root).</summary>
    private static async Task ClickInRootAsync(IPage page, string id)
    {
        await page.WaitForFunctionAsync($"() => window.__root?.getElementById('{id}') != null", null, new() { Timeout = 10_000 });
        var centre = await page.EvaluateAsync<double[]>($"() => {{ const r = ({InRoot})('{id}').getBoundingClientRect(); const o = window.__offset ?? {{ x: 0, y: 0 }}; return [o.x + r.x + r.width / 2, o.y + r.y + r.height / 2]; }}");
        await page.Mouse.ClickAsync((float)centre[0], (float)centre[1]);
    }

    private static Task WaitForOverlayOnTopAsync(BrowserSession browser, IPage page, string title) => GateOverlay.WaitForOnTopAsync(browser, page, title);

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => GateOverlay.WaitForAsync(condition, what);
}
