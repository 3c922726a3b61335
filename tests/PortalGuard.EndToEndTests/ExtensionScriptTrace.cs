using System.Text.Json;
using Microsoft.Playwright;

namespace PortalGuard.EndToEndTests;

/// <summary>The browser's own record (a DevTools trace) of the time a page's main thread spent in the extension's
/// scripts: the union of every complete trace event that names a chrome-extension:// script (evaluating the content
/// script, compiling the modules it imports, each listener, observer and timer callback). Independent of what the
/// script reports about itself; it does not see promise callbacks (microtasks name no script), for either build.</summary>
internal sealed class ExtensionScriptTrace
{
    private const string Categories = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8";

    private readonly ICDPSession _cdp;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExtensionScriptTrace(ICDPSession cdp) => _cdp = cdp;

    /// <summary>After <see cref="StopAsync"/>: how many times an extension script was evaluated (once per frame it runs in),
    /// and on how many threads (renderer main threads: the page's and those of frames in processes of their own).</summary>
    public (int Scripts, int Threads) Evaluations { get; private set; }

    public static async Task<ExtensionScriptTrace> StartAsync(BrowserSession browser, IPage page)
    {
        var trace = new ExtensionScriptTrace(await browser.NewCdpSessionAsync(page));
        trace._cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is not { } value)
            {
                return;
            }

            lock (trace._events)
            {
                foreach (var item in value.GetProperty("value").EnumerateArray())
                {
                    if (item.GetRawText().Contains("chrome-extension://", StringComparison.Ordinal))
                    {
                        trace._events.Add(item.Clone());
                    }
                }
            }
        };
        trace._cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace._complete.TrySetResult();
        await trace._cdp.SendAsync("Tracing.start", new Dictionary<string, object> { ["categories"] = Categories, ["transferMode"] = "ReportEvents" });
        return trace;
    }

    /// <summary>Ends the trace; returns the milliseconds the main thread spent in extension scripts: wall time (the
    /// union of the events) and thread time (the CPU time of the outermost events, which a busy machine does not inflate).</summary>
    public async Task<(double WallMs, double ThreadMs)> StopAsync()
    {
        await _cdp.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await _cdp.DetachAsync();
        List<Span> spans;
        lock (_events)
        {
            spans = [.. _events
                .Where(e => e.TryGetProperty("ph", out var ph) && ph.GetString() == "X" && e.TryGetProperty("dur", out _))
                .Select(e => new Span(
                    e.GetProperty("tid").GetInt64(),
                    e.GetProperty("ts").GetDouble(),
                    e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble(),
                    e.TryGetProperty("tdur", out var tdur) ? tdur.GetDouble() : e.GetProperty("dur").GetDouble(),
                    e.GetProperty("name").GetString() ?? string.Empty))];
        }

        // The main thread is the one that evaluated the content script, or (in a trace that began after the page loaded)
        // ran its listeners; parsing on a background thread is not the page's time.
        var mainThreads = MainThreads(spans.Select(s => (s.Name, s.Thread)));
        Evaluations = (spans.Count(s => s.Name == "EvaluateScript"), mainThreads.Count);
        var wall = 0.0;
        var thread = 0.0;
        foreach (var group in spans.Where(s => mainThreads.Contains(s.Thread)).GroupBy(s => s.Thread))
        {
            var end = double.NegativeInfinity;
            foreach (var span in group.OrderBy(s => s.Start).ThenByDescending(s => s.End))
            {
                if (span.End <= end)
                {
                    continue; // Inside an outer event already counted.
                }

                wall += span.End - Math.Max(span.Start, end);
                if (span.Start >= end)
                {
                    thread += span.ThreadTime;
                }

                end = span.End;
            }
        }

        return (wall / 1000, thread / 1000);
    }

    /// <summary>The CPU time of the main thread's extension-script events, summed by event name (nested events count
    /// in their own name and in their parent's), for finding where the time goes. Call after <see cref="StopAsync"/>.</summary>
    public IReadOnlyDictionary<string, double> ThreadMsByName()
    {
        lock (_events)
        {
            var complete = _events.Where(e => e.TryGetProperty("ph", out var ph) && ph.GetString() == "X" && e.TryGetProperty("dur", out _)).ToList();
            var mainThreads = MainThreads(complete.Select(e => (e.GetProperty("name").GetString() ?? string.Empty, e.GetProperty("tid").GetInt64())));
            return complete
                .Where(e => mainThreads.Contains(e.GetProperty("tid").GetInt64()))
                .GroupBy(PartName, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.Sum(e => e.TryGetProperty("tdur", out var tdur) ? tdur.GetDouble() : e.GetProperty("dur").GetDouble()) / 1000,
                    StringComparer.Ordinal);
        }
    }

    private static HashSet<long> MainThreads(IEnumerable<(string Name, long Thread)> events)
    {
        var all = events.ToList();
        var evaluated = all.Where(e => e.Name == "EvaluateScript").Select(e => e.Thread).ToHashSet();
        return evaluated.Count > 0 ? evaluated : all.Where(e => e.Name == "FunctionCall").Select(e => e.Thread).ToHashSet();
    }

    /// <summary>The event's name; for a script evaluated or a function called, with the script's file and the function
    /// (name and line), e.g. "FunctionCall content.js onReady:120".</summary>
    private static string PartName(JsonElement e)
    {
        var name = e.GetProperty("name").GetString() ?? string.Empty;
        if (name is not ("FunctionCall" or "EvaluateScript")
            || !e.TryGetProperty("args", out var args) || !args.TryGetProperty("data", out var data)
            || !data.TryGetProperty("url", out var url))
        {
            return name;
        }

        var file = (url.GetString() ?? string.Empty).Split('/')[^1];
        if (name == "EvaluateScript")
        {
            return $"{name} {file}";
        }

        var function = data.TryGetProperty("functionName", out var f) && f.GetString() is { Length: > 0 } n ? n : "(anonymous)";
        var line = data.TryGetProperty("lineNumber", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : -1;
        return $"{name} {file} {function}:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private sealed record Span(long Thread, double Start, double End, double ThreadTime, string Name);
}
