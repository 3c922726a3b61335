namespace PortalGuard.EndToEndTests;

/// <summary>How a test wants its Chromium started when the defaults (headless, the system's Chromium) do not fit.</summary>
/// <param name="ExecutablePath">Started instead of the system's Chromium (a wrapper that starts it), or null.</param>
/// <param name="Headless">False for a browser on a display (see <see cref="VirtualDisplay"/>).</param>
/// <param name="Environment">Added to the browser's environment (DISPLAY).</param>
/// <param name="MappedHosts">More names the browser resolves to 127.0.0.1, where the test portal answers.</param>
/// <param name="Arguments">More command-line arguments.</param>
/// <param name="ExtensionFolder">Another build of the extension than the repository's (an earlier one, to measure against).</param>
public sealed record BrowserLaunchOptions(
    string? ExecutablePath = null,
    bool Headless = true,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyList<string>? MappedHosts = null,
    IReadOnlyList<string>? Arguments = null,
    string? ExtensionFolder = null);
