using PortalGuard.Host.Cli;
using PortalGuard.Install;
using PortalGuard.Storage;
using PortalGuard.Tests.Install;

namespace PortalGuard.Tests.Cli;

/// <summary>install/uninstall for Firefox, for every browser found, and at system scope, in a temp HOME and a temp system root.</summary>
public sealed class InstallScopeCommandTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _temp.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private string Home => _temp.Combine("home");

    private string Root => _temp.Combine("root");

    [Fact]
    public void Firefox_manifest_goes_to_dot_mozilla_and_lists_the_add_on_id()
    {
        var program = _temp.CreateProgram("bin", "portalguard");

        Assert.Equal(0, Install(["--browser", "firefox"], program));

        var manifest = HostManifestTests.Parse(File.ReadAllBytes(Path.Combine(Home, ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")));
        Assert.Equal(["portalguard@portalguard.org"], manifest.GetProperty("allowed_extensions").EnumerateArray().Select(e => e.GetString()));
        Assert.False(manifest.TryGetProperty("allowed_origins", out _));
    }

    [Fact]
    public void System_scope_writes_under_the_system_root_and_says_so()
    {
        var program = _temp.CreateProgram("bin", "portalguard");

        Assert.Equal(0, Install(["--browser", "chrome", "--scope", "system"], program));

        var manifest = Path.Combine(Root, "etc", "opt", "chrome", "native-messaging-hosts", "com.portalguard.host.json");
        Assert.True(File.Exists(manifest));
        Assert.Contains($"installed for chrome (system): {manifest} -> {program}", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"created folder {Path.Combine(Root, "etc")}", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void All_installs_for_every_browser_found_and_only_those()
    {
        var program = _temp.CreateProgram("bin", "portalguard");
        Directory.CreateDirectory(Path.Combine(Home, ".config", "vivaldi"));
        Directory.CreateDirectory(Path.Combine(Home, ".mozilla", "firefox"));

        Assert.Equal(0, Install(["--browser", "all"], program));

        Assert.Contains("browsers found: vivaldi, firefox", _stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Home, ".config", "vivaldi", "NativeMessagingHosts", "com.portalguard.host.json")));
        Assert.True(File.Exists(Path.Combine(Home, ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")));
        Assert.False(Directory.Exists(Path.Combine(Home, ".config", "google-chrome")));
    }

    [Fact]
    public void All_with_no_browser_found_fails_and_says_how_to_name_one()
    {
        Assert.Equal(1, Install(["--browser", "all"], _temp.CreateProgram("bin", "portalguard")));
        Assert.Contains("no browser found", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_all_removes_exactly_the_files_install_wrote_and_keeps_the_folders()
    {
        var program = _temp.CreateProgram("bin", "portalguard");
        Directory.CreateDirectory(Path.Combine(Home, ".config", "chromium"));
        Directory.CreateDirectory(Path.Combine(Home, ".mozilla"));
        Install(["--browser", "all"], program);
        var before = Files(Home);

        Assert.Equal(0, UninstallCommand.Run(["--browser", "all"], _stdout, _stderr, Platform(), registry: null));

        var removed = before.Except(Files(Home)).ToList();
        Assert.Equal(
            [Path.Combine(Home, ".config", "chromium", "NativeMessagingHosts", "com.portalguard.host.json"), Path.Combine(Home, ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")],
            removed.Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(Home, ".mozilla", "native-messaging-hosts")));
    }

    [Fact]
    public void Uninstall_all_also_removes_a_system_manifest_of_a_browser_no_user_has_run()
    {
        Install(["--browser", "vivaldi", "--scope", "system"], _temp.CreateProgram("bin", "portalguard"));
        var manifest = Path.Combine(Root, "etc", "opt", "vivaldi", "native-messaging-hosts", "com.portalguard.host.json");
        Assert.True(File.Exists(manifest));

        Assert.Equal(0, UninstallCommand.Run(["--browser", "all", "--scope", "system"], _stdout, _stderr, Platform(), registry: null));

        Assert.False(File.Exists(manifest));
        Assert.Contains($"removed for vivaldi (system): {manifest}", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_browser_failing_does_not_stop_the_others_and_the_exit_is_1()
    {
        var program = _temp.CreateProgram("bin", "portalguard");
        Directory.CreateDirectory(Path.Combine(Home, ".config", "chromium", "NativeMessagingHosts"));
        File.WriteAllText(Path.Combine(Home, ".config", "chromium", "NativeMessagingHosts", "com.portalguard.host.json"), """{"name":"com.portalguard.host","path":"/opt/other/host"}""");
        Directory.CreateDirectory(Path.Combine(Home, ".mozilla"));

        Assert.Equal(1, Install(["--browser", "all"], program));

        Assert.Contains("portalguard install: chromium:", _stderr.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Home, ".mozilla", "native-messaging-hosts", "com.portalguard.host.json")));
    }

    private int Install(string[] args, string program) => InstallCommand.Run(args, _stdout, _stderr, program, Platform(), registry: null);

    private InstallPlatform Platform() => new(HostOperatingSystem.Linux, name => name == "HOME" ? Home : null, Root);

    private static HashSet<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal) : [];
}
