using Microsoft.Playwright;

namespace PortalGuard.EndToEndTests;

/// <summary>How the browser tests see the pre-login gate's overlay: on top of the page (what the page's centre shows),
/// in a closed shadow root, with the title of a warning or of a block.</summary>
internal static class GateOverlay
{
    public const string WarnTitle = "Wait — check this before you type your password";
    public const string BlockTitle = "PortalGuard stopped this sign-in";

    /// <summary>The tag of the element at the centre of the page's viewport.</summary>
    public const string CentreTag = "() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName ?? ''";

    public static async Task WaitForOnTopAsync(BrowserSession browser, IPage page, string title)
    {
        await WaitForAsync(async () => await page.EvaluateAsync<string>(CentreTag) == "PORTALGUARD-OVERLAY", "the overlay on top of the page");
        var (mode, text) = await browser.ReadShadowRootAsync(page, "portalguard-overlay");
        Assert.Equal("closed", mode);
        Assert.Contains(title, text, StringComparison.Ordinal);
    }

    /// <summary>Polls every 50 ms; after 10 s fails naming <paramref name="what"/>.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited 10 s for {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The mode and text of the closed shadow root of the first &lt;<paramref name="tag"/>&gt;, once there is one (15 s at most).</summary>
    public static async Task<(string Mode, string Text)> WaitForShadowTextAsync(BrowserSession browser, IPage page, string tag)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (await page.EvaluateAsync<bool>($"() => document.querySelector('{tag}') !== null"))
            {
                return await browser.ReadShadowRootAsync(page, tag);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"<{tag}> did not appear");
            }

            await Task.Delay(50);
        }
    }
}
