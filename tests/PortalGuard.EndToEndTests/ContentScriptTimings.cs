using System.Globalization;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>Measures, does not assert: the content script's own time on a 5,000-element page, and the delay from a
/// password field appearing to the verdict shown, with a warm host. The figures go to the test output.</summary>
[Collection(WithChromium.Name)]
public sealed class ContentScriptTimings(PortalFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Content_script_time_and_verdict_delay_on_a_5000_element_page_are_measured()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output));
        var url = fixture.Origin + TestPortalServer.BigPagePath;
        var page = await browser.OpenAsync(url);
        var previousShownAt = double.NaN;
        for (var round = 1; round <= 3; round++)
        {
            // Each load reports its own figures; a reload starts the page's clock again, so shownAt changes.
            var tab = await browser.WaitForTabStateAsync(fixture.Origin, t =>
                t.TryGetProperty("timing", out var timing) && timing.TryGetProperty("shownAt", out var shownAt) && shownAt.GetDouble() != previousShownAt);
            var timing = tab.GetProperty("timing");
            var elements = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
            var addedAt = await page.EvaluateAsync<double>("() => window.passwordAddedAt");
            previousShownAt = timing.GetProperty("shownAt").GetDouble();
            var delay = previousShownAt - addedAt;
            // The form arrives late, so reading the signals happens inside the observer's time: not added twice.
            var own = timing.GetProperty("startMs").GetDouble() + timing.GetProperty("observerMs").GetDouble();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {elements} elements; content script own time {own:F2} ms (start {timing.GetProperty("startMs").GetDouble():F2}, observer {timing.GetProperty("observerMs").GetDouble():F2} of which reading the signals {timing.GetProperty("signalsMs").GetDouble():F2}); password field → verdict shown {delay:F1} ms (host round trip + banner {timing.GetProperty("verdictMs").GetDouble():F1} ms)"));
            Assert.True(elements >= 5_000, elements.ToString(CultureInfo.InvariantCulture));

            await page.ReloadAsync();
        }
    }
}
