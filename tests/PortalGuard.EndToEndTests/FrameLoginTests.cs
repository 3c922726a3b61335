using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>The pre-login gate for sign-in forms inside cross-origin frames (extension/content/frame-guard.js), in one
/// real Chromium with the real host: a lookalike page framing another site's sign-in form, a lookalike's sign-in form
/// framed by an innocent page, the portal framed by itself on a network without a VPN, and advertising frames that must
/// cost nothing and send nothing.</summary>
[Collection(WithChromium.Name)]
public sealed class FrameLoginTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string WarnTitle = GateOverlay.WarnTitle;
    private const string BlockTitle = GateOverlay.BlockTitle;

    private HostilePageServer Server => fixture.HostilePages;

    [Fact]
    public async Task Lookalike_page_framing_another_sites_sign_in_form_is_blocked_and_nothing_is_sent()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var frameOrigin = fixture.HostileOriginOf(PortalFixture.PartnerHost);
        var (page, frame) = await OpenFramedAsync(browser, PortalFixture.LookalikeHost, frameOrigin + HostilePageServer.PagePrefix + FramePages.FramedLogin);

        // The person clicks the user name inside the frame, types, and tabs to the password: blocked at once.
        await frame.ClickAsync("#username");
        await page.Keyboard.TypeAsync("patient");
        await page.Keyboard.PressAsync("Tab");
        var text = await WaitForOverlayInFrameAsync(browser, frame, BlockTitle);
        Assert.Contains("inside a page that is pretending to be a patient portal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue anyway", text, StringComparison.Ordinal);
        var state = await WaitForFrameStateAsync(browser, frameOrigin, s => s.GetProperty("level").GetString() == "block");
        Assert.Equal(["framed-by-lookalike"], state.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        await browser.ScreenshotAsync(page, "frame-lookalike-top-blocked.png");

        // Keys typed now never reach the password field.
        await page.Keyboard.TypeAsync("hunter2");
        Assert.Equal(string.Empty, await frame.EvaluateAsync<string>("() => document.getElementById('password').value"));

        // The frame's own script sends the form anyway, with and without a submit event: nothing leaves.
        var before = Server.Arrivals.Count;
        await frame.EvaluateAsync("() => { document.getElementById('password').value = 'hunter2'; document.getElementById('login').requestSubmit(); }");
        await frame.EvaluateAsync("() => { document.getElementById('password').value = 'hunter2'; document.getElementById('login').submit(); }");
        await Task.Delay(800);
        Assert.Equal(before, Server.Arrivals.Count);
        Assert.StartsWith(frameOrigin + HostilePageServer.PagePrefix + FramePages.FramedLogin, frame.Url, StringComparison.Ordinal);

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "submissionBlocked");
        Assert.Contains(frameOrigin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(HostilePageServer.PagePrefix, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookalike_sign_in_form_framed_by_an_innocent_page_is_blocked_and_leaving_takes_the_tab_back()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var frameOrigin = fixture.HostileOriginOf(PortalFixture.LookalikeHost);
        var (page, frame) = await OpenFramedAsync(browser, PortalFixture.PartnerHost, frameOrigin + HostilePageServer.PagePrefix + FramePages.FramedLogin);

        await frame.ClickAsync("#password");
        var text = await WaitForOverlayInFrameAsync(browser, frame, BlockTitle);
        Assert.Contains("This page is pretending to be mychart.ucsf.edu.", text, StringComparison.Ordinal);
        var state = await WaitForFrameStateAsync(browser, frameOrigin, s => s.GetProperty("level").GetString() == "block");
        Assert.Contains("lookalike-domain", state.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        await browser.ScreenshotAsync(page, "frame-lookalike-frame-blocked.png");

        var before = Server.Arrivals.Count;
        await frame.EvaluateAsync("() => { document.getElementById('password').value = 'hunter2'; document.getElementById('login').submit(); }");
        await Task.Delay(800);
        Assert.Equal(before, Server.Arrivals.Count);
        await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "submissionBlocked");

        // "Leave this page" has the focus: the whole tab goes back where it came from, not only the frame.
        await page.Keyboard.PressAsync("Enter");
        await GateOverlay.WaitForAsync(() => Task.FromResult(page.Url == "about:blank"), "the tab to go back");
    }

    [Fact]
    public async Task Portal_framed_by_itself_without_a_vpn_warns_in_the_frame_and_continue_anyway_signs_in()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        // The portal's name on two ports: two origins of one site, so the frame is cross-origin to its top page.
        var (page, frame) = await OpenFramedAsync(browser, PortalFixture.PortalHost, fixture.LoginUrl);

        await frame.ClickAsync("#password");
        var text = await WaitForOverlayInFrameAsync(browser, frame, WarnTitle);
        Assert.Contains("You opened Epic MyChart without a VPN.", text, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "frame-portal-vpn-off-warn.png");

        // Keys typed while the warning is up never reach the field.
        await page.Keyboard.TypeAsync("hunter2");
        Assert.Equal(string.Empty, await frame.EvaluateAsync<string>("() => document.getElementById('password').value"));

        // "Go back" has the focus; the person moves to "Continue anyway" and chooses it with the keyboard.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFrameStateAsync(browser, fixture.Origin, s => s.GetProperty("proceeded").GetBoolean());

        await frame.FillAsync("#password", "not-a-real-password");
        await frame.ClickAsync("button[type=submit]");
        await GateOverlay.WaitForAsync(() => Task.FromResult(frame.Url.EndsWith(TestPortalServer.HomePath, StringComparison.Ordinal)), "the frame to sign in");

        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "proceeded");
        Assert.Contains(fixture.Origin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("/MyChart", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_me_in_a_framed_portal_sign_in_is_locked_on_a_shared_device_and_never_sent()
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
        // The portal's sign-in form (its name, on the hostile server's port) framed by another site.
        var frameOrigin = fixture.HostileOriginOf(PortalFixture.PortalHost);
        var (page, frame) = await OpenFramedAsync(browser, PortalFixture.PartnerHost, frameOrigin + HostilePageServer.PagePrefix + FramePages.FramedLogin);
        const string Locked = "() => { const box = document.getElementById('remember'); return !box.checked && box.disabled; }";

        // At the password field the gate answers, and with it the box is locked.
        await frame.ClickAsync("#password");
        await WaitForOverlayInFrameAsync(browser, frame, WarnTitle);
        await frame.WaitForFunctionAsync(Locked, null, new() { Timeout = 15_000 });
        var audit = await RealHost.WaitForAuditAsync(browser.DataDirectory, output, "rememberMeBlocked");
        Assert.Contains(frameOrigin, audit, StringComparison.Ordinal);

        // Continuing past the no-VPN warning and signing in sends the password, never the box, even when the page ticks it again.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await WaitForFrameStateAsync(browser, frameOrigin, s => s.GetProperty("proceeded").GetBoolean());
        var before = Server.Arrivals.Count;
        await frame.EvaluateAsync("() => { const box = document.getElementById('remember'); box.disabled = false; box.checked = true; document.getElementById('password').value = 'not-a-real-password'; document.getElementById('login').requestSubmit(); }");
        await GateOverlay.WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the form to arrive");
        var sent = Server.Arrivals[before];
        output.WriteLine($"the form sent: {sent}");
        Assert.Contains("password", sent.Fields);
        Assert.DoesNotContain("remember", sent.Fields);
    }

    [Fact]
    public async Task Advertising_frames_without_a_password_field_send_nothing_and_one_that_shows_a_password_field_is_asked_about_and_let_through()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var adOrigin = fixture.HostileOriginOf(PortalFixture.AdHost);
        var url = fixture.HostileOriginOf(PortalFixture.PartnerHost) + HostilePageServer.PagePrefix + FramePages.AdFrames
            + "?n=20&src=" + Uri.EscapeDataString(adOrigin + HostilePageServer.PagePrefix + FramePages.Ad);
        var page = await browser.OpenAsync(url);
        var ads = await WaitForFramesAsync(page, adOrigin, 20);

        // The person uses the newsletter box of one advertisement: typing and sending it.
        var ad = ads[3];
        await ad.ClickAsync("#email");
        await page.Keyboard.TypeAsync("someone@example.org");
        await ad.ClickAsync("#q");
        await page.Keyboard.TypeAsync("shoes");
        var before = Server.Arrivals.Count;
        await ad.ClickAsync("#join");
        await GateOverlay.WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the newsletter form to arrive");
        Assert.Equal(["email", "q"], Server.Arrivals[before].Fields);
        await Task.Delay(500);
        Assert.Equal(0, (await browser.EvaluateInWorkerAsync("portalGuard.subframeMessages()")).GetInt32());

        // The frame script is there all along: a password field appearing in another advertisement is asked about once,
        // and on a site that is nobody's lookalike the answer is to let it be.
        var other = ads[5];
        await other.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<input id=\"pw\" type=\"password\">')");
        await other.ClickAsync("#pw");
        var state = await WaitForFrameStateAsync(browser, adOrigin, s => s.GetProperty("level").GetString() == "ok");
        Assert.Equal(0, state.GetProperty("gateShown").GetInt32());
        await page.Keyboard.TypeAsync("abc");
        Assert.Equal("abc", await other.EvaluateAsync<string>("() => document.getElementById('pw').value"));
        Assert.Equal(1, (await browser.EvaluateInWorkerAsync("portalGuard.subframeMessages()")).GetInt32());

        // A form with a password field sent by a script before anyone touched its frame: held until the gate answers,
        // then sent as it was.
        var third = ads[7];
        before = Server.Arrivals.Count;
        await third.EvaluateAsync("() => { const form = document.getElementById('news'); form.insertAdjacentHTML('beforeend', '<input name=\"password\" type=\"password\" value=\"x\">'); form.requestSubmit(); }");
        await GateOverlay.WaitForAsync(() => Task.FromResult(Server.Arrivals.Count > before), "the form to arrive once the gate let it");
        Assert.Equal(["email", "password", "q"], Server.Arrivals[before].Fields);
        Assert.Equal(2, (await browser.EvaluateInWorkerAsync("portalGuard.subframeMessages()")).GetInt32());
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Opens <see cref="FramePages.FrameHost"/> under <paramref name="topHost"/> framing <paramref name="frameUrl"/>; returns the frame once its form is there.</summary>
    private async Task<(IPage Page, IFrame Frame)> OpenFramedAsync(BrowserSession browser, string topHost, string frameUrl)
    {
        var page = await browser.OpenAsync(fixture.HostileOriginOf(topHost) + HostilePageServer.PagePrefix + FramePages.FrameHost + "?src=" + Uri.EscapeDataString(frameUrl));
        IFrame? frame = null;
        await GateOverlay.WaitForAsync(() => Task.FromResult((frame = page.Frames.FirstOrDefault(f => f.Url.StartsWith(frameUrl, StringComparison.Ordinal))) is not null), "the frame");
        await frame!.WaitForSelectorAsync("#password");
        return (page, frame);
    }

    private static async Task<IReadOnlyList<IFrame>> WaitForFramesAsync(IPage page, string origin, int count)
    {
        IFrame[] frames = [];
        await GateOverlay.WaitForAsync(() => Task.FromResult((frames = [.. page.Frames.Where(f => f.Url.StartsWith(origin, StringComparison.Ordinal))]).Length >= count), $"{count} frames");
        foreach (var frame in frames)
        {
            await frame.WaitForSelectorAsync("#q");
        }

        return frames;
    }

    /// <summary>Waits for the overlay on top of the frame's viewport, and returns its text (read through DevTools: the root is closed).</summary>
    private static async Task<string> WaitForOverlayInFrameAsync(BrowserSession browser, IFrame frame, string title)
    {
        await GateOverlay.WaitForAsync(async () => await frame.EvaluateAsync<string>(GateOverlay.CentreTag) == "PORTALGUARD-OVERLAY", "the overlay on top of the frame");
        var (mode, text) = await browser.ReadShadowRootAsync(frame, "portalguard-overlay");
        Assert.Equal("closed", mode);
        Assert.Contains(title, text, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Waits until the worker's record of a frame on <paramref name="origin"/> (in any tab) satisfies the condition.</summary>
    private static async Task<JsonElement> WaitForFrameStateAsync(BrowserSession browser, string origin, Func<JsonElement, bool> condition)
    {
        JsonElement found = default;
        JsonElement last = default;
        try
        {
            await GateOverlay.WaitForAsync(async () =>
            {
                last = await browser.EvaluateInWorkerAsync("portalGuard.frameStates()");
                foreach (var tab in last.EnumerateObject())
                {
                    if (tab.Value.GetProperty("frames").TryGetProperty(origin, out var state) && condition(state))
                    {
                        found = state;
                        return true;
                    }
                }

                return false;
            }, $"the frame on {origin}");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}; the worker knows: {last}", exception);
        }

        return found;
    }
}
