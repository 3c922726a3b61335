using System.Text;
using System.Text.Json;
using PortalGuard.Install;

namespace PortalGuard.Tests.Install;

public sealed class HostManifestTests
{
    [Fact]
    public void Chromium_manifest_has_the_fields_browsers_require_and_only_allowed_origins()
    {
        var json = Parse(HostManifestInstaller.Serialize(HostManifest.ForChromium("/opt/portalguard/portalguard")));

        Assert.Equal("com.portalguard.host", json.GetProperty("name").GetString());
        Assert.Equal("/opt/portalguard/portalguard", json.GetProperty("path").GetString());
        Assert.Equal("stdio", json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("description").GetString()));
        Assert.Equal(["chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/"], json.GetProperty("allowed_origins").EnumerateArray().Select(e => e.GetString()));
        Assert.False(json.TryGetProperty("allowed_extensions", out _));
    }

    [Fact]
    public void Firefox_manifest_lists_the_add_on_id_in_allowed_extensions()
    {
        var json = Parse(HostManifestInstaller.Serialize(HostManifest.ForFirefox("/opt/portalguard/portalguard")));

        Assert.Equal(["portalguard@portalguard.org"], json.GetProperty("allowed_extensions").EnumerateArray().Select(e => e.GetString()));
        Assert.False(json.TryGetProperty("allowed_origins", out _));
    }

    [Fact]
    public void Written_manifest_is_utf8_without_byte_order_mark_and_ends_in_a_newline()
    {
        var bytes = HostManifestInstaller.Serialize(HostManifest.ForChromium("/opt/pörtal/portalguard"));

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal("/opt/pörtal/portalguard", Parse(bytes).GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("com.portalguard.host.chromium.json", "chromium")]
    [InlineData("com.portalguard.host.firefox.json", "firefox")]
    public void Template_in_manifests_folder_is_what_the_installer_writes(string template, string engine)
    {
        const string placeholder = "/ABSOLUTE/PATH/TO/portalguard";
        var manifest = engine == "firefox" ? HostManifest.ForFirefox(placeholder) : HostManifest.ForChromium(placeholder);

        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "manifests", template));

        Assert.Equal(Encoding.UTF8.GetString(HostManifestInstaller.Serialize(manifest)), committed);
    }

    [Theory]
    [InlineData("/usr/local/bin/portalguard", true)]
    [InlineData("/home/ana/.dotnet/tools/portalguard", true)]
    [InlineData(@"C:\Program Files\PortalGuard\portalguard.exe", true)]
    [InlineData(@"C:\Program Files\PortalGuard\PortalGuard.EXE", true)]
    [InlineData("/usr/bin/portalguard-other", false)]
    [InlineData("/usr/bin/PortalGuard", false)]
    [InlineData("/opt/keepassxc/keepassxc-proxy", false)]
    [InlineData("", false)]
    public void Program_is_ours_only_when_its_file_is_named_portalguard(string programPath, bool ours)
    {
        Assert.Equal(ours, HostManifestInstaller.IsOurProgram(programPath.Replace('\\', Path.DirectorySeparatorChar)));
    }

    internal static JsonElement Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NativeHostPortalGuard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NativeHostPortalGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
