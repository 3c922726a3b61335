namespace PortalGuard.Install;

/// <summary>Which browsers are on this machine, judged by the folders they leave behind: a profile folder, a snap, a
/// Flatpak. No process is run (no <c>snap list</c>, no <c>flatpak list</c>), so the answer is quick and testable in a temp HOME.</summary>
internal static class BrowserDetector
{
    /// <summary>Whether the browser has a profile folder for this user or is installed as a Snap or Flatpak.</summary>
    public static bool IsFound(Browser browser, InstallPlatform platform) =>
        Directory.Exists(ManifestLocations.ProfileFolder(browser, platform)) || Sandboxed(browser, platform).Count > 0;

    /// <summary>Snap and Flatpak copies of the browser (Linux only; empty elsewhere).</summary>
    public static IReadOnlyList<SandboxedBrowser> Sandboxed(Browser browser, InstallPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (platform.OperatingSystem != Storage.HostOperatingSystem.Linux)
        {
            return [];
        }

        var found = new List<SandboxedBrowser>();
        var home = platform.Variable("HOME");
        if (SnapName(browser) is { } snap)
        {
            var evidence = new[]
            {
                platform.UnderRoot("/snap/bin/" + snap),
                platform.UnderRoot("/snap/" + snap),
                home is null ? null : platform.Join(home, "snap", snap),
            }.FirstOrDefault(p => p is not null && (File.Exists(p) || Directory.Exists(p)));
            if (evidence is not null)
            {
                found.Add(new SandboxedBrowser(browser, SandboxKind.Snap, snap, evidence));
            }
        }

        var flatpak = FlatpakId(browser);
        var flatpakEvidence = new[]
        {
            home is null ? null : platform.Join(home, ".var", "app", flatpak),
            home is null ? null : platform.Join(home, ".local", "share", "flatpak", "app", flatpak),
            platform.UnderRoot("/var/lib/flatpak/app/" + flatpak),
        }.FirstOrDefault(p => p is not null && Directory.Exists(p));
        if (flatpakEvidence is not null)
        {
            found.Add(new SandboxedBrowser(browser, SandboxKind.Flatpak, flatpak, flatpakEvidence));
        }

        return found;
    }

    /// <summary>The snap's name, for the browsers published as snaps.</summary>
    public static string? SnapName(Browser browser) => browser switch
    {
        Browser.Chromium => "chromium",
        Browser.Firefox => "firefox",
        Browser.Brave => "brave",
        Browser.Vivaldi => "vivaldi",
        _ => null,
    };

    /// <summary>The browser's Flathub application id.</summary>
    public static string FlatpakId(Browser browser) => browser switch
    {
        Browser.Chromium => "org.chromium.Chromium",
        Browser.Chrome => "com.google.Chrome",
        Browser.Edge => "com.microsoft.Edge",
        Browser.Brave => "com.brave.Browser",
        Browser.Vivaldi => "com.vivaldi.Vivaldi",
        _ => "org.mozilla.firefox",
    };
}
