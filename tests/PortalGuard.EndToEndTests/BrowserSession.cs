using System.Collections;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>One real Chromium with the PortalGuard extension loaded, in a temporary HOME, profile and data folder of
/// its own. Dispose closes the browser and ends every process it started (the host included), by PID.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _profile;
    private ServiceWorkerDevTools? _worker;

    private BrowserSession(string root, string profile, IPlaywright playwright, IBrowserContext context, ITestOutputHelper output)
    {
        Root = root;
        _profile = profile;
        _playwright = playwright;
        _context = context;
        _output = output;
    }

    /// <summary>The session's temporary folder; its path marks every process the session started.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>A fresh HOME (trusting the test authority), profile and data folder; <paramref name="prepareProfile"/> runs
    /// before the browser starts (to install the host manifest, or not).</summary>
    public static async Task<BrowserSession> LaunchAsync(PortalFixture fixture, ITestOutputHelper output, Func<Folders, Task> prepareProfile, BrowserLaunchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(prepareProfile);
        var root = Directory.CreateTempSubdirectory("pg-e2e-").FullName;
        var folders = new Folders(Path.Combine(root, "home"), Path.Combine(root, "profile"), Path.Combine(root, "data"));
        Directory.CreateDirectory(folders.Home);
        Directory.CreateDirectory(folders.Profile);
        Directory.CreateDirectory(folders.Data);

        await fixture.Certificates.TrustInNssDatabaseAsync(folders.Home, PortalFixture.CertutilPath);
        await prepareProfile(folders);

        options ??= new BrowserLaunchOptions();
        var extension = options.ExtensionFolder ?? RepositoryLayout.ExtensionFolder;
        var mapped = string.Concat((options.MappedHosts ?? []).Select(host => $"MAP {host} 127.0.0.1, "));
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(folders.Profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = options.ExecutablePath ?? PortalFixture.ChromiumPath,
                Headless = options.Headless,
                Timeout = (float)WaitLimit.TotalMilliseconds,
                IgnoreDefaultArgs = ["--disable-extensions"],
                Args =
                [
                    $"--disable-extensions-except={extension}",
                    $"--load-extension={extension}",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--lang=en-US",
                    // DevTools on a port the browser picks, to read the extension's service worker (see ServiceWorkerDevTools).
                    "--remote-debugging-port=0",
                    // The portal's real name (and a lookalike of it, and the two names of other sites the frame tests use) reaches
                    // the local servers; every other name fails without a lookup.
                    $"--host-resolver-rules={mapped}MAP {PortalFixture.PortalHost} 127.0.0.1, MAP {PortalFixture.LookalikeHost} 127.0.0.1, MAP {PortalFixture.PartnerHost} 127.0.0.1, MAP {PortalFixture.AdHost} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                    .. options.Arguments ?? [],
                ],
                Env = BrowserEnvironment(folders, options.Environment),
                ViewportSize = new ViewportSize { Width = 1100, Height = 640 },
            });
            return new BrowserSession(root, folders.Profile, playwright, context, output);
        }
        catch
        {
            playwright.Dispose();
            await OwnProcesses.EndAsync(root, TimeSpan.Zero);
            throw;
        }
    }

    public async Task<IPage> OpenAsync(string url)
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { Timeout = (float)WaitLimit.TotalMilliseconds });
        return page;
    }

    /// <summary>Evaluates an expression in the extension's service worker (where <c>globalThis.portalGuard</c> lives).</summary>
    public async Task<JsonElement> EvaluateInWorkerAsync(string expression)
    {
        if (_worker is null)
        {
            _worker = await ServiceWorkerDevTools.ConnectAsync(_profile, "/background/service-worker.js", WaitLimit);

            // DevTools can attach before the worker's module has run its top level: wait for its hook to exist.
            var deadline = DateTime.UtcNow + WaitLimit;
            while ((await _worker.EvaluateAsync("typeof globalThis.portalGuard !== 'undefined'")).ValueKind != JsonValueKind.True)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the service worker did not define portalGuard within {WaitLimit.TotalSeconds} s");
                }

                await Task.Delay(50);
            }
        }

        return await _worker.EvaluateAsync(expression);
    }

    /// <summary>Waits until the worker's record of a tab on <paramref name="origin"/> satisfies the condition.</summary>
    public async Task<JsonElement> WaitForTabStateAsync(string origin, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await EvaluateInWorkerAsync("portalGuard.allTabStates()");
            foreach (var tab in last.EnumerateObject())
            {
                if (tab.Value.GetProperty("origin").GetString() == origin && condition(tab.Value))
                {
                    return tab.Value;
                }
            }

            await Task.Delay(100);
        }

        // When the worker started and how its connection to the host stands: a worker the browser started again knows only what it re-learned.
        var worker = await EvaluateInWorkerAsync("({ startedAt: portalGuard.startedAt?.() ?? null, now: Date.now(), connection: portalGuard.connectionState() })");
        throw new TimeoutException($"No tab on {origin} reached the expected state in {WaitLimit.TotalSeconds} s; the worker knows: {last}; worker: {worker}");
    }

    /// <summary>Reads the text inside an element's shadow root through the DevTools protocol, which sees closed shadow
    /// roots that the page's own scripts cannot. Returns the root's mode and its text.</summary>
    public async Task<(string Mode, string Text)> ReadShadowRootAsync(IPage page, string hostTag) =>
        await ReadShadowRootAsync(await _context.NewCDPSessionAsync(page), hostTag);

    /// <summary>The same inside a frame: through the frame's own DevTools session when it runs in a process of its own
    /// (another site), else through its page's, whose document reaches into the frames of its process.</summary>
    public async Task<(string Mode, string Text)> ReadShadowRootAsync(IFrame frame, string hostTag)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ICDPSession cdp;
        try
        {
            cdp = await _context.NewCDPSessionAsync(frame);
        }
        catch (PlaywrightException)
        {
            cdp = await _context.NewCDPSessionAsync(frame.Page);
        }

        return await ReadShadowRootAsync(cdp, hostTag);
    }

    private static async Task<(string Mode, string Text)> ReadShadowRootAsync(ICDPSession cdp, string hostTag)
    {
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = -1, ["pierce"] = true })
            ?? throw new InvalidOperationException("DOM.getDocument returned nothing");
        var host = FindElement(document.GetProperty("root"), hostTag.ToUpperInvariant())
            ?? throw new InvalidOperationException($"<{hostTag}> is not in the page");
        var root = host.GetProperty("shadowRoots")[0];
        var text = new List<string>();
        CollectText(root, text);
        return (root.GetProperty("shadowRootType").GetString()!, string.Join(" ", text));
    }

    /// <summary>A DevTools protocol session on the page (to trace it, for the timing figures).</summary>
    public Task<ICDPSession> NewCdpSessionAsync(IPage page) => _context.NewCDPSessionAsync(page);

    public async Task ScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(RepositoryLayout.ArtifactsFolder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        _output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Closes the browser, and with it the host, but keeps the session's folders to look at what was written.
    /// Dispose still removes them.</summary>
    public async Task CloseBrowserAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
            _worker = null;
        }

        await _context.CloseAsync();
        await OwnProcesses.EndAsync(Root, TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        try
        {
            await _context.CloseAsync();
        }
        catch (PlaywrightException exception)
        {
            _output.WriteLine($"closing the browser: {exception.Message}");
        }

        _playwright.Dispose();
        // The host exits when the browser closes its stdin; whatever is still running after that is ended by PID.
        await OwnProcesses.EndAsync(Root, TimeSpan.FromSeconds(5));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException exception)
        {
            _output.WriteLine($"could not delete {Root}: {exception.Message}");
        }
    }

    /// <summary>The browser's environment: this process's, with HOME, the XDG folders and the host's data folder pointed
    /// into the session. (Playwright replaces the whole environment when one is given.) FirefoxBrowser uses it too.</summary>
    internal static Dictionary<string, string> BrowserEnvironment(Folders folders, IReadOnlyDictionary<string, string>? extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        environment.Remove("PORTALGUARD_ALLOWED_ORIGINS");
        environment["HOME"] = folders.Home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(folders.Home, ".config");
        environment["XDG_CACHE_HOME"] = Path.Combine(folders.Home, ".cache");
        environment["XDG_DATA_HOME"] = Path.Combine(folders.Home, ".local", "share");
        environment["XDG_STATE_HOME"] = Path.Combine(folders.Home, ".local", "state");
        environment["PORTALGUARD_DATA_DIR"] = folders.Data;

        // The test portal's name is a real one mapped to 127.0.0.1 for the browser only: the host must not look it up itself.
        environment["PORTALGUARD_OFFLINE"] = "1";
        environment["LANGUAGE"] = "en";
        // The framework-dependent host finds the .NET runtime through DOTNET_ROOT wherever HOME points.
        environment.TryAdd("DOTNET_ROOT", DotnetRoot());
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string DotnetRoot()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
    }

    private static JsonElement? FindElement(JsonElement node, string nodeName)
    {
        if (node.TryGetProperty("nodeName", out var name) && name.GetString() == nodeName)
        {
            return node;
        }

        // A frame in the page's own process is reached through its element's document.
        if (node.TryGetProperty("contentDocument", out var frameDocument) && FindElement(frameDocument, nodeName) is { } inFrame)
        {
            return inFrame;
        }

        foreach (var childList in new[] { "children", "shadowRoots" })
        {
            if (node.TryGetProperty(childList, out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    if (FindElement(child, nodeName) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    private static void CollectText(JsonElement node, List<string> text)
    {
        if (node.GetProperty("nodeType").GetInt32() == 3)
        {
            var value = node.GetProperty("nodeValue").GetString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Add(value.Trim());
            }
        }

        if (node.TryGetProperty("nodeName", out var name) && name.GetString() == "STYLE")
        {
            return;
        }

        if (node.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                CollectText(child, text);
            }
        }
    }

    /// <summary>The session's folders: the browser's HOME, its --user-data-dir, and the host's PORTALGUARD_DATA_DIR.</summary>
    public sealed record Folders(string Home, string Profile, string Data);
}
