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

    private const int Passes = 3;
    private const int RoundsPerPass = 4;

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
        var figures = builds.ToDictionary(b => b.Label, _ => new Figures(), StringComparer.Ordinal);
        for (var pass = 1; pass <= Passes; pass++)
        {
            foreach (var (label, folder) in builds)
            {
                await MeasureAsync(label, folder, figures[label]);
            }
        }

        output.WriteLine($"load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (label, f) in figures)
        {
            // The first load after a browser starts compiles everything cold; the others are what a person meets page after page.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: own time (self-reported) median {Median(f.Own):F2} ms, after the first load {Median(f.OwnWarm):F2} ms (min {f.Own.Min():F2}, max {f.Own.Max():F2}); CPU time in extension scripts (DevTools trace) median {Median(f.Traced):F2} ms, after the first load {Median(f.TracedWarm):F2} ms; password field → verdict shown median {Median(f.Delay):F1} ms, after the first load {Median(f.DelayWarm):F1} ms (min {f.Delay.Min():F1}, max {f.Delay.Max():F1}); {f.Own.Count} loads"));
        }
    }

    private async Task MeasureAsync(string label, string? extensionFolder, Figures figures)
    {
        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output), new BrowserLaunchOptions(ExtensionFolder: extensionFolder));
        var url = fixture.Origin + TestPortalServer.BigPagePath;
        var page = await browser.OpenAsync("about:blank");
        var previousShownAt = double.NaN;
        for (var round = 1; round <= RoundsPerPass; round++)
        {
            var trace = await ExtensionScriptTrace.StartAsync(browser, page);
            if (round == 1)
            {
                await page.GotoAsync(url);
            }
            else
            {
                await page.ReloadAsync();
            }

            // Each load reports its own figures; a reload starts the page's clock again, so shownAt changes.
            var tab = await browser.WaitForTabStateAsync(fixture.Origin, t =>
                t.TryGetProperty("timing", out var timing) && timing.TryGetProperty("shownAt", out var shownAt) && shownAt.GetDouble() != previousShownAt);
            var (traced, tracedCpu) = await trace.StopAsync();
            var timing = tab.GetProperty("timing");
            var elements = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
            var addedAt = await page.EvaluateAsync<double>("() => window.passwordAddedAt");
            previousShownAt = timing.GetProperty("shownAt").GetDouble();
            var start = timing.GetProperty("startMs").GetDouble();
            var observer = timing.GetProperty("observerMs").GetDouble();
            // The form arrives late, so reading the signals happens inside the observer's time: not added twice.
            // startMs: before, the time in start() only (loading the modules with import() came before it and is not in
            // it); now, evaluating the one script, start() and the first look at the parsed page.
            figures.Add(round == 1, start + observer, tracedCpu, previousShownAt - addedAt);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}, round {round}: {elements} elements; content script own time {start + observer:F2} ms (start {start:F2}, observer {observer:F2} of which reading the signals {timing.GetProperty("signalsMs").GetDouble():F2}); in extension scripts (trace) {traced:F2} ms, of which on the CPU {tracedCpu:F2} ms; password field → verdict shown {previousShownAt - addedAt:F1} ms (host round trip + banner {timing.GetProperty("verdictMs").GetDouble():F1} ms)"));
            Assert.True(elements >= 5_000, elements.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The median of the figures (NaN for none); FrameCostTimings uses it too.</summary>
    internal static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class Figures
    {
        public List<double> Own { get; } = [];

        public List<double> OwnWarm { get; } = [];

        public List<double> Traced { get; } = [];

        public List<double> TracedWarm { get; } = [];

        public List<double> Delay { get; } = [];

        public List<double> DelayWarm { get; } = [];

        public void Add(bool first, double own, double traced, double delay)
        {
            Own.Add(own);
            Traced.Add(traced);
            Delay.Add(delay);
            if (!first)
            {
                OwnWarm.Add(own);
                TracedWarm.Add(traced);
                DelayWarm.Add(delay);
            }
        }
    }
}
