using PortalGuard.Install;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Install;

/// <summary>The location table, evaluated for every system on this one: each row is one browser's documented folder or key.</summary>
public sealed class ManifestLocationsTests
{
    [Theory]
    [InlineData("Chrome", "User", "/home/ana/.config/google-chrome/NativeMessagingHosts")]
    [InlineData("Chromium", "User", "/home/ana/.config/chromium/NativeMessagingHosts")]
    [InlineData("Edge", "User", "/home/ana/.config/microsoft-edge/NativeMessagingHosts")]
    [InlineData("Brave", "User", "/home/ana/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts")]
    [InlineData("Vivaldi", "User", "/home/ana/.config/vivaldi/NativeMessagingHosts")]
    [InlineData("Firefox", "User", "/home/ana/.mozilla/native-messaging-hosts")]
    [InlineData("Chrome", "System", "/etc/opt/chrome/native-messaging-hosts")]
    [InlineData("Chromium", "System", "/etc/chromium/native-messaging-hosts")]
    [InlineData("Edge", "System", "/etc/opt/edge/native-messaging-hosts")]
    [InlineData("Brave", "System", "/etc/opt/brave.com/brave/native-messaging-hosts")]
    [InlineData("Vivaldi", "System", "/etc/opt/vivaldi/native-messaging-hosts")]
    [InlineData("Firefox", "System", "/usr/lib/mozilla/native-messaging-hosts")]
    public void Linux_folders(string browser, string scope, string expected)
    {
        var target = Resolve(HostOperatingSystem.Linux, browser, scope);

        Assert.Equal(expected, target.Folder);
        Assert.Empty(target.RegistryKeys);
    }

    [Theory]
    [InlineData("Chrome", "User", "/Users/ana/Library/Application Support/Google/Chrome/NativeMessagingHosts")]
    [InlineData("Chromium", "User", "/Users/ana/Library/Application Support/Chromium/NativeMessagingHosts")]
    [InlineData("Edge", "User", "/Users/ana/Library/Application Support/Microsoft Edge/NativeMessagingHosts")]
    [InlineData("Brave", "User", "/Users/ana/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts")]
    [InlineData("Vivaldi", "User", "/Users/ana/Library/Application Support/Vivaldi/NativeMessagingHosts")]
    [InlineData("Firefox", "User", "/Users/ana/Library/Application Support/Mozilla/NativeMessagingHosts")]
    [InlineData("Chrome", "System", "/Library/Google/Chrome/NativeMessagingHosts")]
    [InlineData("Chromium", "System", "/Library/Application Support/Chromium/NativeMessagingHosts")]
    [InlineData("Edge", "System", "/Library/Microsoft/Edge/NativeMessagingHosts")]
    [InlineData("Brave", "System", "/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts")]
    [InlineData("Vivaldi", "System", "/Library/Application Support/Vivaldi/NativeMessagingHosts")]
    [InlineData("Firefox", "System", "/Library/Application Support/Mozilla/NativeMessagingHosts")]
    public void MacOS_folders(string browser, string scope, string expected)
    {
        var target = Resolve(HostOperatingSystem.MacOS, browser, scope, home: "/Users/ana");

        Assert.Equal(expected, target.Folder);
        Assert.Empty(target.RegistryKeys);
    }

    [Theory]
    [InlineData("Chrome", @"Software\Google\Chrome\NativeMessagingHosts\com.portalguard.host")]
    [InlineData("Chromium", @"Software\Chromium\NativeMessagingHosts\com.portalguard.host")]
    [InlineData("Edge", @"Software\Microsoft\Edge\NativeMessagingHosts\com.portalguard.host")]
    [InlineData("Brave", @"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\com.portalguard.host")]
    [InlineData("Vivaldi", @"Software\Vivaldi\NativeMessagingHosts\com.portalguard.host")]
    [InlineData("Firefox", @"Software\Mozilla\NativeMessagingHosts\com.portalguard.host")]
    public void Windows_user_scope_is_one_HKCU_key_naming_a_file_under_local_app_data(string browser, string keyPath)
    {
        var target = Resolve(HostOperatingSystem.Windows, browser, "User");

        var key = Assert.Single(target.RegistryKeys);
        Assert.Equal(new RegistryLocation(RegistryHiveName.CurrentUser, RegistryBitness.Default, keyPath), key);
        Assert.Equal($@"C:\Users\ana\AppData\Local\PortalGuard\NativeMessagingHosts\{browser.ToLowerInvariant()}", target.Folder);
    }

    [Fact]
    public void Windows_system_scope_writes_HKLM_in_both_views_so_a_32_bit_browser_finds_it_under_WOW6432Node()
    {
        var target = Resolve(HostOperatingSystem.Windows, "Firefox", "System");

        Assert.Equal(
            [@"HKLM\Software\Mozilla\NativeMessagingHosts\com.portalguard.host", @"HKLM\Software\WOW6432Node\Mozilla\NativeMessagingHosts\com.portalguard.host"],
            target.RegistryKeys.Select(k => k.Display));
        Assert.Equal(@"C:\ProgramData\PortalGuard\NativeMessagingHosts\firefox", target.Folder);
    }

    [Fact]
    public void System_folders_hang_from_the_system_root_seam()
    {
        var platform = Platform(HostOperatingSystem.Linux) with { SystemRoot = "/tmp/stage" };

        Assert.Equal("/tmp/stage/etc/opt/chrome/native-messaging-hosts", ManifestLocations.Resolve(Browser.Chrome, InstallScope.System, null, platform).Folder);
    }

    [Theory]
    [InlineData("Firefox", "User", "Linux", "Chromium-family")]
    [InlineData("Chrome", "System", "Linux", "--scope system")]
    [InlineData("Chrome", "User", "Windows", "registry")]
    public void User_data_dir_is_refused_where_no_browser_would_read_it(string browser, string scope, string system, string reason)
    {
        var exception = Record.Exception(() => ManifestLocations.Resolve(
            Enum.Parse<Browser>(browser), Enum.Parse<InstallScope>(scope), "/tmp/profile", Platform(Enum.Parse<HostOperatingSystem>(system))));

        Assert.True(exception is InvalidOperationException or PlatformNotSupportedException);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Linux", "Chrome", "/home/ana/.config/google-chrome")]
    [InlineData("Linux", "Firefox", "/home/ana/.mozilla")]
    [InlineData("MacOS", "Edge", "/home/ana/Library/Application Support/Microsoft Edge")]
    [InlineData("Windows", "Brave", @"C:\Users\ana\AppData\Local\BraveSoftware\Brave-Browser\User Data")]
    [InlineData("Windows", "Firefox", @"C:\Users\ana\AppData\Roaming\Mozilla\Firefox")]
    public void Profile_folder_decides_whether_a_browser_is_found(string system, string browser, string expected)
    {
        Assert.Equal(expected, ManifestLocations.ProfileFolder(Enum.Parse<Browser>(browser), Platform(Enum.Parse<HostOperatingSystem>(system))));
    }

    private static ManifestTarget Resolve(HostOperatingSystem system, string browser, string scope, string home = "/home/ana") =>
        ManifestLocations.Resolve(Enum.Parse<Browser>(browser), Enum.Parse<InstallScope>(scope), userDataDir: null, Platform(system, home));

    private static InstallPlatform Platform(HostOperatingSystem system, string home = "/home/ana") =>
        new(system, name => (system, name) switch
        {
            (HostOperatingSystem.Windows, "USERPROFILE") => @"C:\Users\ana",
            (HostOperatingSystem.Windows, "LOCALAPPDATA") => @"C:\Users\ana\AppData\Local",
            (HostOperatingSystem.Windows, "APPDATA") => @"C:\Users\ana\AppData\Roaming",
            (HostOperatingSystem.Windows, "ProgramData") => @"C:\ProgramData",
            (not HostOperatingSystem.Windows, "HOME") => home,
            _ => null,
        }, "/");
}
