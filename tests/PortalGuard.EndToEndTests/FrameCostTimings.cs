using System.Globalization;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>Measures, does not assert: the CPU time the extension's scripts take on a news page with 20 cross-origin
/// advertising frames, none with a password field (<see cref="FramePages.AdFrames"/>), from the navigation until every
/// frame is loaded, read from the browser's own trace (<see cref="ExtensionScriptTrace"/>). With
/// <see cref="ContentScriptTimings.BaselineVariable"/> set to an earlier build, that build is measured in the same run,
/// alternating with this one:
/// <code>git archive 55f65bc extension | tar -x -C /tmp/before &amp;&amp; PORTALGUARD_BASELINE_EXTENSION=/tmp/before/extension dotnet test tests/PortalGuard.EndToEndTests --filter FrameCostTimings</code></summary>
[Collection(WithChromium.Name)]
public sealed class FrameCostTimings(PortalFixture fixture, ITestOutputHelper output)
{
    private const int Frames = 20;
    private const int Passes = 3;
    private const int RoundsPerPass = 4;

    [Fact]
    public async Task Extension_script_time_on_a_page_with_20_cross_origin_frames_without_a_password_field_is_measured()
    {
        if (!fixture.CanRun(output))
        {
            return;
        }

        var builds = new List<(string Label, string? Folder)>();
        if (Environment.GetEnvironmentVariable(ContentScriptTimings.BaselineVariable) is { Length: > 0 } baseline)
        {
            Assert.True(File.Exists(Path.Combine(baseline, "manifest.json")), $"{ContentScriptTimings.BaselineVariable}={baseline} has no manifest.json");
            builds.Add(("before", Path.GetFullPath(baseline)));
        }

        builds.Add(("this build", null));
        var figures = builds.ToDictionary(b => b.Label, _ => (All: new List<double>(), Warm: new List<double>()), StringComparer.Ordinal);
        for (var pass = 1; pass <= Passes; pass++)
        {
            foreach (var (label, folder) in builds)
            {
                await MeasureAsync(label, folder, figures[label].All, figures[label].Warm);
            }
        }

        output.WriteLine($"load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (label, (all, warm)) in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: CPU time in extension scripts (DevTools trace), page with {Frames} frames: median {ContentScriptTimings.Median(all):F2} ms, after the first load {ContentScriptTimings.Median(warm):F2} ms (min {all.Min():F2}, max {all.Max():F2}); {all.Count} loads"));
        }

        if (figures.Count == 2)
        {
            var before = ContentScriptTimings.Median(figures["before"].Warm);
            var after = ContentScriptTimings.Median(figures["this build"].Warm);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after / before (medians after the first load): {after:F2} / {before:F2} ms = {after / before:F2}×"));
        }
    }

    private async Task MeasureAsync(string label, string? extensionFolder, List<double> all, List<double> warm)
    {
        await using var browser = await BrowserSession.LaunchAsync(fixture, output, folders => RealHost.InstallAsync(folders, output), new BrowserLaunchOptions(ExtensionFolder: extensionFolder));
        var adOrigin = fixture.HostileOriginOf(PortalFixture.AdHost);
        var url = fixture.HostileOriginOf(PortalFixture.PartnerHost) + HostilePageServer.PagePrefix + FramePages.AdFrames
            + string.Create(CultureInfo.InvariantCulture, $"?n={Frames}&src=") + Uri.EscapeDataString(adOrigin + HostilePageServer.PagePrefix + FramePages.Ad);
        var page = await browser.OpenAsync("about:blank");
        for (var round = 1; round <= RoundsPerPass; round++)
        {
            var trace = await ExtensionScriptTrace.StartAsync(browser, page);
            await page.GotoAsync(url + string.Create(CultureInfo.InvariantCulture, $"&round={round}"));
            await GateOverlay.WaitForAsync(() => Task.FromResult(page.Frames.Count(f => f.Url.StartsWith(adOrigin, StringComparison.Ordinal)) >= Frames), $"{Frames} frames");
            foreach (var frame in page.Frames.Where(f => f.Url.StartsWith(adOrigin, StringComparison.Ordinal)))
            {
                await frame.WaitForSelectorAsync("#q");
            }

            // A moment for anything the scripts left for later (timers, observers) to run inside the trace.
            await Task.Delay(300);
            var (wall, cpu) = await trace.StopAsync();
            all.Add(cpu);
            if (round > 1)
            {
                warm.Add(cpu);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}, round {round}: in extension scripts {wall:F2} ms, of which on the CPU {cpu:F2} ms; {trace.Evaluations.Scripts} script evaluations on {trace.Evaluations.Threads} threads"));
        }
    }
}
