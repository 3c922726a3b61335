using PortalGuard.Install;

namespace PortalGuard.Tests.Install;

public sealed class HostManifestInstallerTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Install_creates_missing_folders_and_reports_every_path_it_touched()
    {
        var folder = _temp.Combine("profile", "NativeMessagingHosts");

        var result = HostManifestInstaller.Install(HostManifest.ForChromium("/opt/pg/portalguard"), folder);

        var manifestPath = Path.Combine(folder, "com.portalguard.host.json");
        Assert.Equal(HostManifestChange.Created, result.Change);
        Assert.Equal(manifestPath, result.ManifestPath);
        Assert.Equal([_temp.Combine("profile"), folder, manifestPath], result.PathsTouched);
        Assert.Equal("/opt/pg/portalguard", HostManifestTests.Parse(File.ReadAllBytes(manifestPath)).GetProperty("path").GetString());
    }

    [Fact]
    public void Installing_twice_leaves_the_file_untouched_the_second_time()
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        var manifest = HostManifest.ForChromium("/opt/pg/portalguard");
        var first = HostManifestInstaller.Install(manifest, folder);
        var writtenAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.ManifestPath, writtenAt);

        var second = HostManifestInstaller.Install(manifest, folder);

        Assert.Equal(HostManifestChange.Unchanged, second.Change);
        Assert.Empty(second.PathsTouched);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(first.ManifestPath));
    }

    [Fact]
    public void Our_manifest_for_a_moved_executable_is_updated()
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        HostManifestInstaller.Install(HostManifest.ForChromium("/usr/local/bin/portalguard"), folder);

        var result = HostManifestInstaller.Install(HostManifest.ForChromium("/home/ana/.dotnet/tools/portalguard"), folder);

        Assert.Equal(HostManifestChange.Updated, result.Change);
        Assert.Equal([result.ManifestPath], result.PathsTouched);
        Assert.Equal("/home/ana/.dotnet/tools/portalguard", HostManifestTests.Parse(File.ReadAllBytes(result.ManifestPath)).GetProperty("path").GetString());
        Assert.Single(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("""{"name":"com.portalguard.host","path":"/opt/other/helper","type":"stdio"}""")]
    [InlineData("""{"name":"org.other.host","path":"/usr/bin/portalguard","type":"stdio"}""")]
    [InlineData("""{"name":"com.portalguard.host","type":"stdio"}""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("not json at all")]
    public void Manifest_of_another_program_is_refused_and_left_as_it_was(string existing)
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        Directory.CreateDirectory(folder);
        var manifestPath = Path.Combine(folder, "com.portalguard.host.json");
        File.WriteAllText(manifestPath, existing);

        var conflict = Assert.Throws<HostManifestConflictException>(() => HostManifestInstaller.Install(HostManifest.ForChromium("/opt/pg/portalguard"), folder));

        Assert.Equal(manifestPath, conflict.ManifestPath);
        Assert.Contains(manifestPath, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(existing, File.ReadAllText(manifestPath));
        Assert.Throws<HostManifestConflictException>(() => HostManifestInstaller.Uninstall(folder));
        Assert.True(File.Exists(manifestPath));
    }

    [Fact]
    public void Force_replaces_a_manifest_of_another_program()
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "com.portalguard.host.json"), """{"name":"com.portalguard.host","path":"/opt/other/helper"}""");

        var result = HostManifestInstaller.Install(HostManifest.ForChromium("/opt/pg/portalguard"), folder, force: true);

        Assert.Equal(HostManifestChange.Updated, result.Change);
        Assert.Equal("/opt/pg/portalguard", HostManifestTests.Parse(File.ReadAllBytes(result.ManifestPath)).GetProperty("path").GetString());
    }

    [Fact]
    public void Relative_executable_path_is_refused_because_browsers_refuse_it()
    {
        var folder = _temp.Combine("NativeMessagingHosts");

        Assert.Throws<ArgumentException>(() => HostManifestInstaller.Install(HostManifest.ForChromium("bin/portalguard"), folder));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Uninstall_removes_our_manifest_and_nothing_else()
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        var installed = HostManifestInstaller.Install(HostManifest.ForChromium("/opt/pg/portalguard"), folder);
        var neighbour = Path.Combine(folder, "org.keepassxc.keepassxc_browser.json");
        File.WriteAllText(neighbour, "{}");

        var result = HostManifestInstaller.Uninstall(folder);

        Assert.Equal(HostManifestChange.Removed, result.Change);
        Assert.Equal([installed.ManifestPath], result.PathsTouched);
        Assert.False(File.Exists(installed.ManifestPath));
        Assert.True(File.Exists(neighbour));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void Uninstall_when_nothing_is_installed_changes_nothing()
    {
        var result = HostManifestInstaller.Uninstall(_temp.Combine("missing", "NativeMessagingHosts"));

        Assert.Equal(HostManifestChange.Absent, result.Change);
        Assert.Empty(result.PathsTouched);
        Assert.False(Directory.Exists(_temp.Combine("missing")));
    }

    [Fact]
    public void Install_leaves_no_temporary_file_behind()
    {
        var folder = _temp.Combine("NativeMessagingHosts");
        HostManifestInstaller.Install(HostManifest.ForChromium("/opt/a/portalguard"), folder);
        HostManifestInstaller.Install(HostManifest.ForChromium("/opt/b/portalguard"), folder);

        Assert.Equal(["com.portalguard.host.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }
}
