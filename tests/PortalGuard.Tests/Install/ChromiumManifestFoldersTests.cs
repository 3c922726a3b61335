using PortalGuard.Install;

namespace PortalGuard.Tests.Install;

public sealed class ChromiumManifestFoldersTests
{
    [Theory]
    [InlineData("Chromium", "/home/ana/.config/chromium/NativeMessagingHosts")]
    [InlineData("Chrome", "/home/ana/.config/google-chrome/NativeMessagingHosts")]
    [InlineData("Edge", "/home/ana/.config/microsoft-edge/NativeMessagingHosts")]
    [InlineData("Brave", "/home/ana/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts")]
    public void Default_profile_folder_is_under_dot_config_in_home(string browser, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal(expected, ChromiumManifestFolders.ForDefaultProfile(Enum.Parse<Browser>(browser), Environment(("HOME", "/home/ana"))));
    }

    [Theory]
    [InlineData("/home/ana/xdg", null, "/home/ana/xdg/chromium/NativeMessagingHosts")]
    [InlineData("relative/xdg", null, "/home/ana/.config/chromium/NativeMessagingHosts")]
    [InlineData("/home/ana/xdg", "/srv/chrome-config", "/srv/chrome-config/chromium/NativeMessagingHosts")]
    public void Config_home_follows_the_browsers_own_rules(string xdgConfigHome, string? chromeConfigHome, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var environment = Environment(("HOME", "/home/ana"), ("XDG_CONFIG_HOME", xdgConfigHome), ("CHROME_CONFIG_HOME", chromeConfigHome));

        Assert.Equal(expected, ChromiumManifestFolders.ForDefaultProfile(Browser.Chromium, environment));
    }

    [Fact]
    public void Without_home_the_default_profile_cannot_be_found()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Throws<InvalidOperationException>(() => ChromiumManifestFolders.ForDefaultProfile(Browser.Chrome, Environment()));
    }

    [Fact]
    public void Explicit_user_data_dir_gets_its_own_folder_whatever_the_browser()
    {
        Assert.Equal(
            Path.Combine(Path.GetFullPath("/tmp/profile"), "NativeMessagingHosts"),
            ChromiumManifestFolders.ForUserDataDir("/tmp/profile"));
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
