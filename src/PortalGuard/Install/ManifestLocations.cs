using PortalGuard.Storage;

namespace PortalGuard.Install;

/// <summary>The one table of where each browser reads host manifests, per system and scope, and where it keeps its
/// profile (whose presence means the browser is "found").</summary>
/// <remarks>
/// Chrome, Chromium and Firefox follow their documentation (Chrome's "Native messaging host location", MDN's "Native
/// manifests"), Edge follows Microsoft's native-messaging guide (<c>/etc/opt/edge</c>, <c>/Library/Microsoft/Edge</c>).
/// Brave and Vivaldi publish no table: their folders follow their Chromium branding as packaged
/// (<c>/etc/opt/brave.com/brave</c>, <c>/etc/opt/vivaldi</c>) and as established hosts (1Password, browserpass) install them.
/// Each row is a test in ManifestLocationsTests; docs/cli.md shows the same table.
/// </remarks>
internal static class ManifestLocations
{
    public const string ChromiumFolderName = "NativeMessagingHosts";

    /// <summary>Where <paramref name="browser"/> reads the manifest at <paramref name="scope"/>.</summary>
    /// <param name="userDataDir">An explicit Chromium <c>--user-data-dir</c>: such a browser reads only that profile's folder (and the system one).</param>
    /// <exception cref="InvalidOperationException">The combination does not exist (a profile folder for Firefox, or for system scope).</exception>
    /// <exception cref="PlatformNotSupportedException">A profile folder on Windows, where browsers read the registry instead.</exception>
    public static ManifestTarget Resolve(Browser browser, InstallScope scope, string? userDataDir, InstallPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (userDataDir is not null)
        {
            if (browser == Browser.Firefox)
            {
                throw new InvalidOperationException("--user-data-dir is for Chromium-family browsers; Firefox reads its manifests from fixed folders.");
            }

            if (scope == InstallScope.System)
            {
                throw new InvalidOperationException("--user-data-dir is one person's profile; it cannot be combined with --scope system.");
            }

            if (platform.IsWindows)
            {
                throw new PlatformNotSupportedException("On Windows browsers find hosts through the registry, not the profile folder; drop --user-data-dir.");
            }

            return new ManifestTarget(browser, scope, Path.Combine(Path.GetFullPath(userDataDir), ChromiumFolderName), []);
        }

        return platform.OperatingSystem switch
        {
            HostOperatingSystem.Windows => Windows(browser, scope, platform),
            HostOperatingSystem.MacOS => new ManifestTarget(browser, scope, MacFolder(browser, scope, platform), []),
            _ => new ManifestTarget(browser, scope, LinuxFolder(browser, scope, platform), []),
        };
    }

    /// <summary>The folder the browser keeps its profiles in for this user; when it exists the browser counts as found.</summary>
    public static string ProfileFolder(Browser browser, InstallPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        switch (platform.OperatingSystem)
        {
            case HostOperatingSystem.Windows:
                return browser == Browser.Firefox
                    ? platform.Join(platform.Variable("APPDATA") ?? platform.Join(platform.Home, "AppData", "Roaming"), "Mozilla", "Firefox")
                    : platform.Join(LocalAppData(platform), WindowsVendorFolder(browser), "User Data");
            case HostOperatingSystem.MacOS:
                return platform.Join(platform.Home, "Library", "Application Support", browser == Browser.Firefox ? "Firefox" : MacUserFolder(browser));
            default:
                return browser == Browser.Firefox
                    ? platform.Join(platform.Home, ".mozilla")
                    : platform.Join(LinuxConfigHome(platform), LinuxConfigFolder(browser));
        }
    }

    /// <summary>The browser's folder under <c>~/.config</c> on Linux.</summary>
    public static string LinuxConfigFolder(Browser browser) => browser switch
    {
        Browser.Chromium => "chromium",
        Browser.Chrome => "google-chrome",
        Browser.Edge => "microsoft-edge",
        Browser.Brave => "BraveSoftware/Brave-Browser",
        Browser.Vivaldi => "vivaldi",
        _ => throw new ArgumentOutOfRangeException(nameof(browser), browser, "Firefox keeps no folder under ~/.config"),
    };

    /// <summary>The configuration home as Chromium computes it: <c>$CHROME_CONFIG_HOME</c>, else an absolute
    /// <c>$XDG_CONFIG_HOME</c> (the XDG rules ignore a relative one), else <c>~/.config</c>.</summary>
    public static string LinuxConfigHome(InstallPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var chromeConfigHome = platform.Variable("CHROME_CONFIG_HOME");
        if (chromeConfigHome is not null)
        {
            return chromeConfigHome;
        }

        var xdgConfigHome = platform.Variable("XDG_CONFIG_HOME");
        return xdgConfigHome is not null && xdgConfigHome.StartsWith('/') ? xdgConfigHome : platform.Join(platform.Home, ".config");
    }

    private static string LinuxFolder(Browser browser, InstallScope scope, InstallPlatform platform)
    {
        if (scope == InstallScope.User)
        {
            return browser == Browser.Firefox
                ? platform.Join(platform.Home, ".mozilla", "native-messaging-hosts")
                : platform.Join(LinuxConfigHome(platform), LinuxConfigFolder(browser), ChromiumFolderName);
        }

        return platform.UnderRoot(browser switch
        {
            Browser.Chromium => "/etc/chromium/native-messaging-hosts",
            Browser.Chrome => "/etc/opt/chrome/native-messaging-hosts",
            Browser.Edge => "/etc/opt/edge/native-messaging-hosts",
            Browser.Brave => "/etc/opt/brave.com/brave/native-messaging-hosts",
            Browser.Vivaldi => "/etc/opt/vivaldi/native-messaging-hosts",
            _ => "/usr/lib/mozilla/native-messaging-hosts",
        });
    }

    private static string MacFolder(Browser browser, InstallScope scope, InstallPlatform platform)
    {
        if (scope == InstallScope.User)
        {
            return platform.Join(platform.Home, "Library", "Application Support", browser == Browser.Firefox ? "Mozilla" : MacUserFolder(browser), ChromiumFolderName);
        }

        return platform.UnderRoot(browser switch
        {
            Browser.Chromium => "/Library/Application Support/Chromium/NativeMessagingHosts",
            Browser.Chrome => "/Library/Google/Chrome/NativeMessagingHosts",
            Browser.Edge => "/Library/Microsoft/Edge/NativeMessagingHosts",
            Browser.Brave => "/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
            Browser.Vivaldi => "/Library/Application Support/Vivaldi/NativeMessagingHosts",
            _ => "/Library/Application Support/Mozilla/NativeMessagingHosts",
        });
    }

    private static string MacUserFolder(Browser browser) => browser switch
    {
        Browser.Chromium => "Chromium",
        Browser.Chrome => "Google/Chrome",
        Browser.Edge => "Microsoft Edge",
        Browser.Brave => "BraveSoftware/Brave-Browser",
        Browser.Vivaldi => "Vivaldi",
        _ => throw new ArgumentOutOfRangeException(nameof(browser), browser, message: null),
    };

    /// <summary>On Windows the manifest file may live anywhere; the registry names it. PortalGuard keeps one per browser
    /// under its own folder, so uninstalling one browser leaves the others alone. For the machine scope Chrome and Firefox
    /// look in both registry views (a 32-bit browser on 64-bit Windows sees WOW6432Node), so both are written.</summary>
    private static ManifestTarget Windows(Browser browser, InstallScope scope, InstallPlatform platform)
    {
        var baseFolder = scope == InstallScope.User
            ? LocalAppData(platform)
            : platform.Variable("ProgramData") ?? "C:\\ProgramData";
        var folder = platform.Join(baseFolder, "PortalGuard", "NativeMessagingHosts", BrowserNames.Name(browser));
        var keyPath = $"Software\\{WindowsRegistryVendor(browser)}\\NativeMessagingHosts\\{HostIdentity.HostName}";
        IReadOnlyList<RegistryLocation> keys = scope == InstallScope.User
            ? [new RegistryLocation(RegistryHiveName.CurrentUser, RegistryBitness.Default, keyPath)]
            : [new RegistryLocation(RegistryHiveName.LocalMachine, RegistryBitness.Bits64, keyPath), new RegistryLocation(RegistryHiveName.LocalMachine, RegistryBitness.Bits32, keyPath)];
        return new ManifestTarget(browser, scope, folder, keys);
    }

    private static string WindowsRegistryVendor(Browser browser) => browser switch
    {
        Browser.Chromium => "Chromium",
        Browser.Chrome => "Google\\Chrome",
        Browser.Edge => "Microsoft\\Edge",
        Browser.Brave => "BraveSoftware\\Brave-Browser",
        Browser.Vivaldi => "Vivaldi",
        _ => "Mozilla",
    };

    private static string WindowsVendorFolder(Browser browser) => browser switch
    {
        Browser.Chromium => "Chromium",
        Browser.Chrome => "Google\\Chrome",
        Browser.Edge => "Microsoft\\Edge",
        Browser.Brave => "BraveSoftware\\Brave-Browser",
        Browser.Vivaldi => "Vivaldi",
        _ => throw new ArgumentOutOfRangeException(nameof(browser), browser, message: null),
    };

    private static string LocalAppData(InstallPlatform platform) =>
        platform.Variable("LOCALAPPDATA") ?? platform.Join(platform.Home, "AppData", "Local");
}
