using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PortalGuard.EndToEndTests;

/// <summary>One real Firefox (Debian's firefox-esr) with the PortalGuard add-on installed from its Firefox build as a
/// temporary add-on, driven over WebDriver BiDi, in a temporary HOME, profile and data folder of its own, with the real
/// host installed for it by <c>portalguard install --browser firefox</c>. Every name the browser looks up resolves to
/// 127.0.0.1 and every service that would call out is off (see <see cref="Preferences"/>).
/// Dispose closes the browser and ends every process it started (the host included), by PID.</summary>
public sealed partial class FirefoxBrowser : IAsyncDisposable
{
    /// <summary>The add-on's internal UUID, fixed by the profile, so its pages have a known address.</summary>
    public const string AddonUuid = "6f1c2a3e-7b4d-4e8a-9c1f-2d3e4f5a6b7c";

    public const string AddonId = "portalguard@portalguard.org";

    public static readonly string ExtensionOrigin = $"moz-extension://{AddonUuid}";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly BiDiConnection _bidi;
    private string? _extensionContext;

    private FirefoxBrowser(string root, Process process, BiDiConnection bidi)
    {
        Root = root;
        _process = process;
        _bidi = bidi;
    }

    /// <summary>The browser's temporary folder; its path marks every process the browser started.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>Where each test's own lines go (one browser serves every test of the collection).</summary>
    public ITestOutputHelper? Output { get; set; }

    /// <summary>The profile's preferences: no name is looked up for real, nothing calls a service of Mozilla's or anyone's.</summary>
    private static IEnumerable<(string Name, object Value)> Preferences()
    {
        // Every host name resolves to loopback: the test portal and its lookalike reach the local servers, anything else fails there.
        yield return ("network.dns.forceResolve", "127.0.0.1");
        yield return ("network.trr.mode", 5);
        yield return ("network.dns.disablePrefetch", true);
        yield return ("network.prefetch-next", false);
        yield return ("network.predictor.enabled", false);
        yield return ("network.http.speculative-parallel-limit", 0);
        yield return ("network.captive-portal-service.enabled", false);
        yield return ("network.connectivity-service.enabled", false);
        yield return ("network.proxy.type", 0);
        yield return ("toolkit.telemetry.enabled", false);
        yield return ("toolkit.telemetry.unified", false);
        yield return ("toolkit.telemetry.server", "data:,");
        yield return ("datareporting.policy.dataSubmissionEnabled", false);
        yield return ("datareporting.healthreport.uploadEnabled", false);
        yield return ("browser.ping-centre.telemetry", false);
        yield return ("browser.safebrowsing.malware.enabled", false);
        yield return ("browser.safebrowsing.phishing.enabled", false);
        yield return ("browser.safebrowsing.downloads.enabled", false);
        yield return ("browser.safebrowsing.blockedURIs.enabled", false);
        yield return ("app.update.disabledForTesting", true);
        yield return ("app.update.auto", false);
        yield return ("extensions.update.enabled", false);
        yield return ("extensions.update.autoUpdateDefault", false);
        yield return ("extensions.getAddons.cache.enabled", false);
        yield return ("extensions.systemAddon.update.enabled", false);
        yield return ("extensions.blocklist.enabled", false);
        yield return ("media.gmp-manager.updateEnabled", false);
        yield return ("browser.search.update", false);
        yield return ("browser.region.update.enabled", false);
        yield return ("browser.region.network.url", string.Empty);
        yield return ("services.settings.server", "data:,#remote-settings-dummy/v1");
        yield return ("security.remote_settings.crlite_filters.enabled", false);
        yield return ("security.remote_settings.intermediates.enabled", false);
        yield return ("security.OCSP.enabled", 0);
        yield return ("app.normandy.enabled", false);
        yield return ("app.normandy.api_url", string.Empty);
        yield return ("app.shield.optoutstudies.enabled", false);
        yield return ("messaging-system.rsexperimentloader.enabled", false);
        yield return ("dom.push.connection.enabled", false);
        yield return ("geo.provider.network.url", string.Empty);
        yield return ("identity.fxaccounts.enabled", false);
        yield return ("browser.topsites.contile.enabled", false);
        yield return ("browser.newtabpage.enabled", false);
        yield return ("browser.startup.page", 0);
        yield return ("browser.startup.homepage", "about:blank");
        yield return ("browser.startup.homepage_override.mstone", "ignore");
        yield return ("startup.homepage_welcome_url", string.Empty);
        yield return ("browser.aboutwelcome.enabled", false);
        yield return ("browser.shell.checkDefaultBrowser", false);
        yield return ("browser.sessionstore.resume_from_crash", false);
        // Firefox's own default: WebDriver's recommended preferences turn password saving off, which would leave
        // shared-device mode nothing to switch off and nothing to give back.
        yield return ("signon.rememberSignons", true);
        yield return ("intl.locale.requested", "en-US");
        yield return ("intl.accept_languages", "en-US");
        // Firefox suspends an idle event page (the add-on's background) after 30 s; 3 s here, so the tests show that
        // the open connection to the host keeps it, and with it what it knows, alive.
        yield return ("extensions.background.idle.timeout", 3000);
        yield return ("extensions.webextensions.uuids", JsonSerializer.Serialize(new Dictionary<string, string> { [AddonId] = AddonUuid }));
    }

    /// <summary>A fresh HOME (where <paramref name="installHost"/> installs the host, or does not), profile (trusting the
    /// test authority) and data folder; Firefox started headless, or on <paramref name="display"/> (an X display such as
    /// <see cref="VirtualDisplay"/>), with WebDriver BiDi on a port it picks; the add-on's Firefox build installed.</summary>
    public static async Task<FirefoxBrowser> LaunchAsync(FirefoxFixture fixture, ITestOutputHelper output, Func<BrowserSession.Folders, Task> installHost, string? display = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(installHost);
        var started = Stopwatch.StartNew();
        var root = Directory.CreateTempSubdirectory("pg-e2e-firefox-").FullName;
        var folders = new BrowserSession.Folders(Path.Combine(root, "home"), Path.Combine(root, "profile"), Path.Combine(root, "data"));
        Directory.CreateDirectory(folders.Home);
        Directory.CreateDirectory(folders.Profile);
        Directory.CreateDirectory(folders.Data);

        await File.WriteAllLinesAsync(Path.Combine(folders.Profile, "user.js"), Preferences().Select(p => $"user_pref(\"{p.Name}\", {JsonSerializer.Serialize(p.Value)});"));
        await fixture.Certificates.TrustInFirefoxProfileAsync(folders.Profile, PortalFixture.CertutilPath);
        await installHost(folders);
        var extension = Path.Combine(root, "extension");
        var build = await ProcessRunner.RunAsync("node", [Path.Combine(RepositoryLayout.ExtensionFolder, "tools", "build-firefox.mjs"), extension]);
        Assert.True(build.ExitCode == 0, $"build-firefox.mjs: {build}");

        var start = new ProcessStartInfo(FirefoxFixture.FirefoxPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // WebDriver BiDi on a port Firefox picks; --remote-allow-system-access lets BiDi open the add-on's pages
        // (moz-extension: addresses are refused without it).
        foreach (var argument in new[] { "--no-remote", "--profile", folders.Profile, "--remote-debugging-port", "0", "--remote-allow-system-access" })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["MOZ_CRASHREPORTER_DISABLE"] = "1" };
        if (display is null)
        {
            start.ArgumentList.Add("--headless");
        }
        else
        {
            // On the X display only (GTK would take a Wayland compositor it found first).
            environment["DISPLAY"] = display;
            environment["MOZ_ENABLE_WAYLAND"] = "0";
            environment["GDK_BACKEND"] = "x11";
        }

        start.Environment.Clear();
        foreach (var (name, value) in BrowserSession.BrowserEnvironment(folders, environment))
        {
            start.Environment[name] = value;
        }

        var stderr = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("Firefox closed its stderr before WebDriver BiDi listened"));
                return;
            }

            stderr.Enqueue(line.Data);
            while (stderr.Count > 200 && stderr.TryDequeue(out string? _))
            {
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        BiDiConnection? bidi = null;
        try
        {
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var endpoint = await listening.Task.WaitAsync(WaitLimit);
            bidi = await BiDiConnection.StartSessionAsync(endpoint);
            var installed = await bidi.SendAsync("webExtension.install", new { extensionData = new { type = "path", path = extension } });
            Assert.Equal(AddonId, installed.GetProperty("extension").GetString());
            var browser = new FirefoxBrowser(root, process, bidi) { Output = output };
            // The add-on's page for evaluations opens first, so that it never takes the foreground from a test's page.
            browser._extensionContext = await browser.OpenAsync($"{ExtensionOrigin}/icons/icon-16.png");
            output.WriteLine($"Firefox started, add-on installed: {started.ElapsedMilliseconds} ms");
            return browser;
        }
        catch (Exception exception)
        {
            output.WriteLine($"Firefox did not start: {exception.Message}\n{string.Join('\n', stderr)}");
            if (bidi is not null)
            {
                await bidi.DisposeAsync();
            }

            await OwnProcesses.EndAsync(root, TimeSpan.Zero);
            process.Dispose();
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Opens a new tab in the foreground at <paramref name="url"/> and waits for its load; returns the tab's BiDi context id.</summary>
    public async Task<string> OpenAsync(string url)
    {
        var context = (await _bidi.SendAsync("browsingContext.create", new { type = "tab", background = false })).GetProperty("context").GetString()!;
        await _bidi.SendAsync("browsingContext.setViewport", new { context, viewport = new { width = 1100, height = 640 } });
        await NavigateAsync(context, url);
        return context;
    }

    public Task NavigateAsync(string context, string url) =>
        _bidi.SendAsync("browsingContext.navigate", new { context, url, wait = "complete" });

    /// <summary>Brings the tab to the foreground (a tab behind another gets no focus, so no click reaches a field of it).</summary>
    public Task ActivateAsync(string context) => _bidi.SendAsync("browsingContext.activate", new { context });

    public Task CloseAsync(string context) => _bidi.SendAsync("browsingContext.close", new { context });

    /// <summary>The tab's current address.</summary>
    public async Task<string> UrlAsync(string context) => (await EvaluateAsync(context, "location.href")).GetString()!;

    /// <summary>Evaluates an expression in the page's own realm (a promise is awaited); its value comes back as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string context, string expression)
    {
        var result = await _bidi.SendAsync("script.evaluate", new
        {
            expression = $"(async () => JSON.stringify(await ({expression})))()",
            target = new { context },
            awaitPromise = true,
            resultOwnership = "none",
        });
        return ParseJsonResult(result, expression);
    }

    /// <summary>Evaluates an expression in the page's own realm without JSON (a page may have redefined it): its value
    /// must be a string, a number or a boolean (or undefined, which comes back as an undefined element).</summary>
    public async Task<JsonElement> EvaluateValueAsync(string context, string expression)
    {
        var result = await _bidi.SendAsync("script.evaluate", new { expression, target = new { context }, awaitPromise = true, resultOwnership = "none" });
        if (result.GetProperty("type").GetString() == "exception")
        {
            throw new InvalidOperationException($"{expression} threw: {result.GetProperty("exceptionDetails").GetProperty("text").GetString()}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Evaluates an expression in a page of the add-on (where <c>browser.*</c> and <c>chrome.*</c> exist), with
    /// <c>portalGuard</c> bound to the background page's hook: Firefox runs the background as an event page, the
    /// counterpart of the service worker the Chromium tests evaluate in.</summary>
    public async Task<JsonElement> EvaluateInExtensionAsync(string expression)
    {
        // An image of the add-on's (opened at launch): a page with the add-on's APIs that itself does nothing.
        var extension = _extensionContext ?? throw new InvalidOperationException("the add-on's page is not open");
        const string Background = "const bg = await browser.runtime.getBackgroundPage(); const portalGuard = bg.portalGuard;";
        var deadline = DateTime.UtcNow + WaitLimit;
        while ((await EvaluateRawAsync(extension, $"(async () => {{ {Background} return JSON.stringify(portalGuard !== undefined); }})()")).GetBoolean() is false)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the background page did not define portalGuard within {WaitLimit.TotalSeconds} s");
            }

            await Task.Delay(50);
        }

        return await EvaluateRawAsync(extension, $"(async () => {{ {Background} return JSON.stringify(await ({expression})); }})()", expression);
    }

    /// <summary>Waits until the background's record of a tab on <paramref name="origin"/> satisfies the condition.</summary>
    public async Task<JsonElement> WaitForTabStateAsync(string origin, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await EvaluateInExtensionAsync("portalGuard.allTabStates()");
            foreach (var tab in last.EnumerateObject())
            {
                if (tab.Value.GetProperty("origin").GetString() == origin && condition(tab.Value))
                {
                    return tab.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No tab on {origin} reached the expected state in {WaitLimit.TotalSeconds} s; the background knows: {last}");
    }

    /// <summary>Reads the text inside an element's shadow root: BiDi serialises closed shadow roots too
    /// (<c>includeShadowTree: "all"</c>), which the page's own scripts cannot reach. Null when the element is not there.</summary>
    public async Task<(string Mode, string Text)?> ReadShadowRootAsync(string context, string hostTag)
    {
        var result = await _bidi.SendAsync("script.evaluate", new
        {
            expression = $"document.querySelector('{hostTag}')",
            // In a sandbox: a page may have redefined querySelector (HostilePages.RedefinedGlobals).
            target = new { context, sandbox = "portalguard-tests" },
            awaitPromise = false,
            resultOwnership = "none",
            serializationOptions = new { maxDomDepth = 0, includeShadowTree = "all" },
        });
        if (result.GetProperty("type").GetString() != "success")
        {
            return null;
        }

        var node = result.GetProperty("result");
        if (node.GetProperty("type").GetString() != "node")
        {
            return null;
        }

        var root = node.GetProperty("value").GetProperty("shadowRoot");
        var mode = root.GetProperty("value").GetProperty("mode").GetString()!;
        var text = await _bidi.SendAsync("script.callFunction", new
        {
            functionDeclaration = """
                function () {
                  // No array method or iterator: a hostile page may have redefined them (HostilePages.RedefinedGlobals).
                  let words = "";
                  const walk = (node) => {
                    const text = node.nodeType === 3 ? node.nodeValue.trim() : "";
                    if (text !== "") words = words === "" ? text : words + " " + text;
                    if (node.nodeName === "STYLE") return;
                    const children = node.childNodes;
                    for (let i = 0; i < children.length; i++) walk(children[i]);
                  };
                  walk(this);
                  return words;
                }
                """,
            @this = new { sharedId = root.GetProperty("sharedId").GetString() },
            target = new { context },
            awaitPromise = false,
            resultOwnership = "none",
        });
        return (mode, text.GetProperty("result").GetProperty("value").GetString()!);
    }

    /// <summary>Clicks the middle of the element the selector finds, with the mouse, as a person would.</summary>
    public async Task ClickAsync(string context, string selector)
    {
        var found = await _bidi.SendAsync("script.evaluate", new
        {
            expression = $"document.querySelector('{selector}')",
            target = new { context },
            awaitPromise = false,
            resultOwnership = "none",
        });
        var node = found.GetProperty("result");
        Assert.True(node.GetProperty("type").GetString() == "node", $"{selector} is not in the page");
        var element = new { sharedId = node.GetProperty("sharedId").GetString() };
        await PerformAsync(context, new
        {
            type = "pointer",
            id = "mouse",
            parameters = new { pointerType = "mouse" },
            actions = new object[]
            {
                new { type = "pointerMove", x = 0, y = 0, origin = new { type = "element", element } },
                new { type = "pointerDown", button = 0 },
                new { type = "pointerUp", button = 0 },
            },
        });
    }

    /// <summary>Clicks with the mouse at a point of the tab's viewport (what is drawn there gets the click, whatever it is).</summary>
    public Task ClickAtAsync(string context, int x, int y) =>
        PerformAsync(context, new
        {
            type = "pointer",
            id = "mouse",
            parameters = new { pointerType = "mouse" },
            actions = new object[]
            {
                new { type = "pointerMove", x, y, origin = "viewport" },
                new { type = "pointerDown", button = 0 },
                new { type = "pointerUp", button = 0 },
            },
        });

    /// <summary>Types text with the keyboard into whatever has the focus. Keys: <see cref="Keys"/>.</summary>
    public Task TypeAsync(string context, string text) =>
        PerformAsync(context, new
        {
            type = "key",
            id = "keyboard",
            actions = text.SelectMany(c => new object[] { new { type = "keyDown", value = c.ToString() }, new { type = "keyUp", value = c.ToString() } }).ToArray(),
        });

    /// <summary>Presses a key while another is held (Shift+Tab).</summary>
    public Task PressWithAsync(string context, string modifier, string key) =>
        PerformAsync(context, new
        {
            type = "key",
            id = "keyboard",
            actions = new object[]
            {
                new { type = "keyDown", value = modifier },
                new { type = "keyDown", value = key },
                new { type = "keyUp", value = key },
                new { type = "keyUp", value = modifier },
            },
        });

    /// <summary>Saves what the tab shows (or its whole document) as a PNG among the test artefacts.</summary>
    public async Task ScreenshotAsync(string context, string fileName, bool wholeDocument = false)
    {
        var shot = await _bidi.SendAsync("browsingContext.captureScreenshot", new { context, origin = wholeDocument ? "document" : "viewport" });
        var path = Path.Combine(RepositoryLayout.ArtifactsFolder, fileName);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
        Output?.WriteLine($"screenshot: {path}");
    }

    /// <summary>The processes this browser started whose command line holds <paramref name="text"/> (the host, as Firefox starts it).</summary>
    public IReadOnlyList<string> CommandLinesContaining(string text) =>
        [.. OwnProcesses.Find(Root)
            .Select(pid => ReadCommandLine(pid))
            .Where(line => line.Contains(text, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _bidi.SendAsync("browser.close", new { }, TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            Output?.WriteLine($"closing Firefox: {exception.Message}");
        }

        await _bidi.DisposeAsync();
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await _process.WaitForExitAsync(exited.Token);
            }
            catch (OperationCanceledException)
            {
                Output?.WriteLine("Firefox did not exit within 15 s of browser.close");
            }
        }

        // The host exits when Firefox closes its stdin; whatever is still running after that is ended by PID.
        await OwnProcesses.EndAsync(Root, TimeSpan.FromSeconds(5));
        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException exception)
        {
            Output?.WriteLine($"could not delete {Root}: {exception.Message}");
        }
    }

    private async Task PerformAsync(string context, object source)
    {
        await _bidi.SendAsync("input.performActions", new { context, actions = new[] { source } });
        await _bidi.SendAsync("input.releaseActions", new { context });
    }

    private async Task<JsonElement> EvaluateRawAsync(string context, string expression, string? shown = null)
    {
        var result = await _bidi.SendAsync("script.evaluate", new { expression, target = new { context }, awaitPromise = true, resultOwnership = "none" });
        return ParseJsonResult(result, shown ?? expression);
    }

    private static JsonElement ParseJsonResult(JsonElement result, string expression)
    {
        if (result.GetProperty("type").GetString() == "exception")
        {
            throw new InvalidOperationException($"{expression} threw: {result.GetProperty("exceptionDetails").GetProperty("text").GetString()}");
        }

        var value = result.GetProperty("result");
        if (value.GetProperty("type").GetString() != "string")
        {
            return default; // undefined
        }

        using var document = JsonDocument.Parse(value.GetProperty("value").GetString()!);
        return document.RootElement.Clone();
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    [GeneratedRegex(@"WebDriver BiDi listening on (ws://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>WebDriver's key values for the keys the tests press.</summary>
    public static class Keys
    {
        public const string Enter = "\uE007";
        public const string Tab = "\uE004";
        public const string Shift = "\uE008";
    }
}
