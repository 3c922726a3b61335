using PortalGuard.Install;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Install;

/// <summary>Finding browsers, snaps and Flatpaks by their folders in a temp HOME and a temp system root.</summary>
public sealed class BrowserDetectorTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Browser_with_a_profile_folder_is_found_and_one_without_is_not()
    {
        Directory.CreateDirectory(_temp.Combine("home", ".config", "google-chrome"));

        Assert.True(BrowserDetector.IsFound(Browser.Chrome, Platform()));
        Assert.False(BrowserDetector.IsFound(Browser.Edge, Platform()));
    }

    [Theory]
    [InlineData("root/snap/bin/chromium", "Chromium", "Snap", "chromium")]
    [InlineData("home/snap/chromium/", "Chromium", "Snap", "chromium")]
    [InlineData("root/snap/firefox/", "Firefox", "Snap", "firefox")]
    [InlineData("home/.var/app/com.google.Chrome/", "Chrome", "Flatpak", "com.google.Chrome")]
    [InlineData("root/var/lib/flatpak/app/org.mozilla.firefox/", "Firefox", "Flatpak", "org.mozilla.firefox")]
    public void Snap_and_flatpak_are_recognised_by_their_folders(string evidence, string browser, string kind, string package)
    {
        var path = _temp.Combine(evidence.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (evidence.EndsWith('/'))
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            _temp.CreateProgram(evidence.Split('/'));
        }

        var found = Assert.Single(BrowserDetector.Sandboxed(Enum.Parse<Browser>(browser), Platform()));

        Assert.Equal(Enum.Parse<SandboxKind>(kind), found.Kind);
        Assert.Equal(package, found.PackageName);
        Assert.Equal(path, found.Evidence);
        Assert.True(BrowserDetector.IsFound(Enum.Parse<Browser>(browser), Platform()));
    }

    [Fact]
    public void Sandbox_advice_says_what_fails_and_how_to_fix_it()
    {
        var snapChromium = SandboxAdvice.For(new SandboxedBrowser(Browser.Chromium, SandboxKind.Snap, "chromium", "/snap/bin/chromium"), "chromium");
        var snapFirefox = SandboxAdvice.For(new SandboxedBrowser(Browser.Firefox, SandboxKind.Snap, "firefox", "/snap/firefox"), "firefox");
        var flatpak = SandboxAdvice.For(new SandboxedBrowser(Browser.Chrome, SandboxKind.Flatpak, "com.google.Chrome", "/x"), "chrome");

        Assert.Equal(DoctorStatus.Failed, snapChromium.Status);
        Assert.Contains("portalguard install --browser chrome", snapChromium.Fix, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Warning, snapFirefox.Status);
        Assert.Contains("xdg-desktop-portal", snapFirefox.Fix, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Failed, flatpak.Status);
        Assert.Contains("flatpak-spawn --host", flatpak.Fix, StringComparison.Ordinal);
    }

    private InstallPlatform Platform() =>
        new(HostOperatingSystem.Linux, name => name == "HOME" ? _temp.Combine("home") : null, _temp.Combine("root"));
}
