using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The content script on pages that attack it from their own world (<see cref="HostilePages"/>), in one real
/// Chromium with the real host: the gate still shows on top and holds or warns as it should, no password leaves while it
/// holds, remember-me stays off, and the page's window.onerror/unhandledrejection see nothing from PortalGuard.
/// The script's own time on each page is printed, not asserted.</summary>
[Collection(WithChromium.Name)]
public sealed class HostilePageTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string CentreTag = GateOverlay.CentreTag;
    private const string WarnTitle = GateOverlay.WarnTitle;
    private const string BlockTitle = GateOverlay.BlockTitle;

    private HostilePageServer Server => fixture.HostilePages;

    [Fact]
    public async Task Gate_shows_on_top_and_holds_on_every_hostile_page()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        // [page, served under the lookalike name (block) or the portal's (warn: no VPN here), what must hold]
        var rows = new (string Page, bool Lookalike, Func<Row, Task> Check)[]
        {
            (HostilePages.StopPropagation, false, FocusShowsWarningAndKeysStayOutAsync),
            (HostilePages.RedefinedGlobals, true, ScriptedSubmitIsBlockedAsync),
            (HostilePages.HidesHost, false, BannerAndWarningStayOnTopAsync),
            (HostilePages.RemovesHost, false, FocusShowsWarningAsync),
            (HostilePages.CoversTopLayer, false, WarningIsRaisedAboveThePagesOwnLayersAsync),
            (HostilePages.ScriptSubmit, true, FormSubmitWithoutEventSendsNothingAsync),
            (HostilePages.FetchOnInput, true, TypedPasswordNeverReachesThePageAsync),
            (HostilePages.TenThousandForms, false, FocusShowsWarningAsync),
            (HostilePages.DomChurn, false, FocusShowsWarningAsync),
            (HostilePages.FrozenDom, true, PageThatUndoesTheGateIsLeftAsync),
        };

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var failures = new List<string>();
        foreach (var (name, lookalike, check) in rows)
        {
            var row = await OpenAsync(browser, name, lookalike);
            try
            {
                await check(row);
                await row.AssertPageSawNoErrorAsync();
            }
            catch (Exception exception)
            {
                failures.Add($"{name}: {exception.Message}");
                output.WriteLine($"{name}: FAILED {exception}");
            }
            finally
            {
                await row.Page.CloseAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Remember_me_stays_off_and_out_of_the_form_data_on_a_page_that_rechecks_it_in_a_loop()
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

        // Signing in: the page re-checks the box every 5 ms and writes remember=on into the form data itself.
        var row = await OpenAsync(browser, HostilePages.RememberMeLoop, lookalike: false);
        await row.Page.EvaluateAsync("() => document.getElementById('password').focus()");
        await WaitForOverlayOnTopAsync(row, WarnTitle);
        await row.Page.Keyboard.PressAsync("Shift+Tab");
        await row.Page.Keyboard.PressAsync("Enter");
        await browser.WaitForTabStateAsync(row.Origin, t => t.GetProperty("proceeded").GetBoolean());
        await row.Page.FillAsync("#password", "not-a-real-password");
        var before = Server.Arrivals.Count;
        await row.Page.ClickAsync("#sign-in");
        var sent = await WaitForArrivalAsync(before);
        output.WriteLine($"the form sent: {sent}");
        Assert.Contains("password", sent.Fields);
        Assert.DoesNotContain("remember", sent.Fields);
        await row.Page.CloseAsync();

        // Looking at the box: once the page's loop stops, it is unchecked and locked again within a moment.
        row = await OpenAsync(browser, HostilePages.RememberMeLoop, lookalike: false);
        await Task.Delay(1_000);
        await row.Page.EvaluateAsync("() => window.stopLoop()");
        await row.Page.WaitForFunctionAsync(
            "() => { const box = document.getElementById('remember'); return !box.checked && box.disabled; }", null, new() { Timeout = 5_000 });
        await row.AssertPageSawNoErrorAsync();
        await row.Page.CloseAsync();
    }

    // ── What must hold, page by page ──────────────────────────────────────────────────────────────────────────────

    private static async Task FocusShowsWarningAsync(Row row)
    {
        // Some pages draw their form late (the banner, handed over as the page loads, comes first).
        await row.Page.WaitForSelectorAsync("#password", new() { State = WaitForSelectorState.Attached });
        await row.Page.EvaluateAsync("() => document.getElementById('password').focus()");
        await WaitForOverlayOnTopAsync(row, WarnTitle);
    }

    private static async Task FocusShowsWarningAndKeysStayOutAsync(Row row)
    {
        await FocusShowsWarningAsync(row);
        await row.Page.Keyboard.TypeAsync("hunter2");
        Assert.Equal(string.Empty, await row.Page.EvaluateAsync<string>("() => document.getElementById('password').value"));

        // "Don't sign in now" (it has the focus): the warning goes; the next focus brings it back.
        await row.Page.Keyboard.PressAsync("Enter");
        await WaitForAsync(async () => await row.Page.EvaluateAsync<string>(CentreTag) != "PORTALGUARD-OVERLAY", "the overlay to close");
        await FocusShowsWarningAsync(row);
        await row.Page.Keyboard.TypeAsync("hunter2");
        Assert.Equal(string.Empty, await row.Page.EvaluateAsync<string>("() => document.getElementById('password').value"));
    }

    private async Task ScriptedSubmitIsBlockedAsync(Row row)
    {
        var before = Server.Arrivals.Count;
        await row.Page.EvaluateAsync("() => { document.getElementById('password').value = 'hunter2'; document.getElementById('login').requestSubmit(); }");
        await WaitForOverlayOnTopAsync(row, BlockTitle);
        await Task.Delay(500);
        Assert.Equal(before, Server.Arrivals.Count);
    }

    private async Task BannerAndWarningStayOnTopAsync(Row row)
    {
        await WaitForAsync(async () => await row.Page.EvaluateAsync<string>("() => document.elementFromPoint(innerWidth / 2, 8)?.tagName ?? ''") == "PORTALGUARD-BANNER", "the banner on top");
        await FocusShowsWarningAsync(row);
        await row.Browser.ScreenshotAsync(row.Page, "hostile-page-hides-host.png");
    }

    private static async Task WarningIsRaisedAboveThePagesOwnLayersAsync(Row row)
    {
        await FocusShowsWarningAsync(row);
        // The page puts its own modal dialog and popover above ours five times, 60 ms apart.
        await Task.Delay(1_200);
        await WaitForOverlayOnTopAsync(row, WarnTitle);
    }

    private async Task FormSubmitWithoutEventSendsNothingAsync(Row row)
    {
        var before = Server.Arrivals.Count;
        await row.Page.EvaluateAsync("() => window.sendForm()");
        await WaitForOverlayOnTopAsync(row, BlockTitle);
        await Task.Delay(500);
        Assert.Equal(before, Server.Arrivals.Count);
        Assert.Contains(HostilePageServer.PagePrefix, row.Page.Url, StringComparison.Ordinal);
    }

    private async Task TypedPasswordNeverReachesThePageAsync(Row row)
    {
        var before = Server.Arrivals.Count;
        await row.Page.EvaluateAsync("() => document.getElementById('password').focus()");
        await WaitForOverlayOnTopAsync(row, BlockTitle);
        await row.Page.EvaluateAsync("() => document.getElementById('password').focus()");
        await row.Page.Keyboard.TypeAsync("hunter2");
        await Task.Delay(300);
        Assert.Equal(string.Empty, await row.Page.EvaluateAsync<string>("() => document.getElementById('password').value"));
        Assert.Equal(before, Server.Arrivals.Count);
    }

    private async Task PageThatUndoesTheGateIsLeftAsync(Row row)
    {
        // The page is left, so its probe is read first; the overlay fight happens after.
        await row.AssertPageSawNoErrorAsync();
        var before = Server.Arrivals.Count;
        await row.Page.EvaluateAsync("() => { document.getElementById('password').value = 'hunter2'; document.getElementById('login').requestSubmit(); }");
        // Left means the navigation away committed. Going back to the tab's first, empty document does not always fire a
        // load event that Playwright sees (its default wait), so waiting for "load" timed out now and then with the page
        // already on about:blank.
        await row.Page.WaitForURLAsync(url => !url.Contains(HostilePageServer.PagePrefix, StringComparison.Ordinal), new() { Timeout = 15_000, WaitUntil = WaitUntilState.Commit });
        row.LeftThePage = true;
        Assert.Equal(before, Server.Arrivals.Count);
        await RealHost.WaitForAuditAsync(row.Browser.DataDirectory, row.Output, "submissionBlocked");
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

    private async Task<Row> OpenAsync(BrowserSession browser, string name, bool lookalike)
    {
        var origin = fixture.HostileOrigin(lookalike);
        var page = await browser.OpenAsync(origin + HostilePageServer.PagePrefix + name);
        var row = new Row(name, origin, page, browser, output);
        page.PageError += (_, error) => row.PageErrors.Add(error);
        var tab = await browser.WaitForTabStateAsync(origin, t => t.TryGetProperty("bannerShown", out var shown) && shown.GetBoolean());
        Assert.Equal(lookalike ? "block" : "warn", tab.GetProperty("level").GetString());
        return row;
    }

    private static Task WaitForOverlayOnTopAsync(Row row, string title) => GateOverlay.WaitForOnTopAsync(row.Browser, row.Page, title);

    private async Task<HostilePageServer.Arrival> WaitForArrivalAsync(int countBefore)
    {
        await WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > countBefore), "the form to arrive");
        return Server.Arrivals[countBefore];
    }

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => GateOverlay.WaitForAsync(condition, what);

    /// <summary>One hostile page open in its own tab.</summary>
    private sealed class Row(string name, string origin, IPage page, BrowserSession browser, ITestOutputHelper output)
    {
        public string Name { get; } = name;

        public string Origin { get; } = origin;

        public IPage Page { get; } = page;

        public BrowserSession Browser { get; } = browser;

        public ITestOutputHelper Output { get; } = output;

        public List<string> PageErrors { get; } = [];

        public bool LeftThePage { get; set; }

        /// <summary>The page's own probe (window.onerror, "error", "unhandledrejection") and the browser's record of
        /// uncaught errors in the page saw nothing.</summary>
        public async Task AssertPageSawNoErrorAsync()
        {
            if (!LeftThePage)
            {
                Assert.Equal(string.Empty, await Page.EvaluateAsync<string>("() => window.__seen()"));
            }

            Assert.True(PageErrors.Count == 0, $"{Name}: {string.Join("; ", PageErrors)}");
        }
    }
}
