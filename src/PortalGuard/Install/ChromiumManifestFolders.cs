namespace PortalGuard.Install;

/// <summary>Where a Chromium-family browser reads user-level native-messaging host manifests:
/// <c>&lt;user data dir&gt;/NativeMessagingHosts</c>. Linux only for now; Windows uses the registry and macOS other folders.</summary>
internal static class ChromiumManifestFolders
{
    public const string FolderName = "NativeMessagingHosts";

    /// <summary>The folder inside an explicit <c>--user-data-dir</c>. A browser started with one reads only this folder
    /// (and the system folder), never the default profile's.</summary>
    public static string ForUserDataDir(string userDataDir) => Path.Combine(Path.GetFullPath(userDataDir), FolderName);

    /// <summary>The folder for the browser's default user data dir, as the browser itself computes it:
    /// <c>$CHROME_CONFIG_HOME</c>, else <c>$XDG_CONFIG_HOME</c> (when absolute), else <c>~/.config</c>, then the browser's folder.</summary>
    /// <param name="getEnvironmentVariable">Reads the environment; tests pass their own.</param>
    public static string ForDefaultProfile(ChromiumBrowser browser, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Installing for a browser's default profile is supported on Linux only for now; pass --user-data-dir.");
        }

        return Path.Combine(ConfigHome(getEnvironmentVariable), BrowserFolder(browser), FolderName);
    }

    /// <summary>The browser's folder under the configuration home.</summary>
    public static string BrowserFolder(ChromiumBrowser browser) => browser switch
    {
        ChromiumBrowser.Chromium => "chromium",
        ChromiumBrowser.Chrome => "google-chrome",
        ChromiumBrowser.Edge => "microsoft-edge",
        ChromiumBrowser.Brave => Path.Combine("BraveSoftware", "Brave-Browser"),
        _ => throw new ArgumentOutOfRangeException(nameof(browser), browser, message: null),
    };

    private static string ConfigHome(Func<string, string?> getEnvironmentVariable)
    {
        var chromeConfigHome = getEnvironmentVariable("CHROME_CONFIG_HOME");
        if (!string.IsNullOrEmpty(chromeConfigHome))
        {
            return chromeConfigHome;
        }

        // The XDG base-directory rules ignore a relative XDG_CONFIG_HOME.
        var xdgConfigHome = getEnvironmentVariable("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdgConfigHome) && Path.IsPathFullyQualified(xdgConfigHome))
        {
            return xdgConfigHome;
        }

        var home = getEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            throw new InvalidOperationException("HOME is not set, so the browser's profile folder cannot be found; pass --user-data-dir.");
        }

        return Path.Combine(home, ".config");
    }
}
