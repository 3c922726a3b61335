using System.Globalization;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>Measures, does not assert: the content script's own time on a 5,000-element page, and the delay from a
/// password field appearing to the verdict shown, with a warm host. The figures go to the test output.
/// With <see cref="BaselineVariable"/> set to the folder of an earlier build of the extension, that build is measured
/// in the same run, alternating with this one, so the two sets of figures come from the same machine load:
/// <code>git archive &lt;commit&gt; extension | tar -x -C /tmp/before &amp;&amp; PORTALGUARD_BASELINE_EXTENSION=/tmp/before/extension dotnet test ...</code></summary>
[Collection(WithChromium.Name)]
public sealed class ContentScriptTimings(PortalFixture fixture, ITestOutputHelper output)
{
    public const string BaselineVariable = "PORTALGUARD_BASELINE_EXTENSION";

    private const int Passes = 2;
    private const int RoundsPerPass = 3;

    [Fact]
    public async Task Content_script_time_and_verdict_delay_on_a_5000_element_page_are_measured()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var builds = new List<(string Label, string? Folder)>();
        if (Environment.GetEnvironmentVariable(BaselineVariable) is { Length: > 0 } baseline)
        {
            Assert.True(File.Exists(Path.Combine(baseline, "manifest.json")), $"{BaselineVariable}={baseline} has no manifest.json");
            builds.Add(("before", Path.GetFullPath(baseline)));
        }

        builds.Add(("this build", null));
        var figures = builds.ToDictionary(b => b.Label, _ => (Own: new List<double>(), Delay: new List<double>()), StringComparer.Ordinal);
        for (var pass = 1; pass <= Passes; pass++)
        {
            foreach (var (label, folder) in builds)
            {
                await MeasureAsync(label, folder, figures[label].Own, figures[label].Delay);
            }
        }

        foreach (var (label, (own, delay)) in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: own time median {Median(own):F2} ms (min {own.Min():F2}, max {own.Max():F2}); password field → verdict shown median {Median(delay):F1} ms (min {delay.Min():F1}, max {delay.Max():F1}); {own.Count} loads"));
        }
    }

    private async Task MeasureAsync(string label, string? extensionFolder, List<double> own, List<double> delay)
    {
        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output), extensionFolder);
        var url = fixture.Origin + TestPortalServer.BigPagePath;
        var page = await browser.OpenAsync(url);
        var previousShownAt = double.NaN;
        for (var round = 1; round <= RoundsPerPass; round++)
        {
            // Each load reports its own figures; a reload starts the page's clock again, so shownAt changes.
            var tab = await browser.WaitForTabStateAsync(fixture.Origin, t =>
                t.TryGetProperty("timing", out var timing) && timing.TryGetProperty("shownAt", out var shownAt) && shownAt.GetDouble() != previousShownAt);
            var timing = tab.GetProperty("timing");
            var elements = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
            var addedAt = await page.EvaluateAsync<double>("() => window.passwordAddedAt");
            previousShownAt = timing.GetProperty("shownAt").GetDouble();
            var start = timing.GetProperty("startMs").GetDouble();
            var observer = timing.GetProperty("observerMs").GetDouble();
            // The form arrives late, so reading the signals happens inside the observer's time: not added twice.
            // startMs: before, the time in start() only (loading the modules with import() came before it and is not in
            // it); now, evaluating the one script, start() and the first look at the parsed page.
            own.Add(start + observer);
            delay.Add(previousShownAt - addedAt);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}, round {round}: {elements} elements; content script own time {start + observer:F2} ms (start {start:F2}, observer {observer:F2} of which reading the signals {timing.GetProperty("signalsMs").GetDouble():F2}); password field → verdict shown {previousShownAt - addedAt:F1} ms (host round trip + banner {timing.GetProperty("verdictMs").GetDouble():F1} ms)"));
            Assert.True(elements >= 5_000, elements.ToString(CultureInfo.InvariantCulture));

            await page.ReloadAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
