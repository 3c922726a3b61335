using PortalGuard.Host.Cli;
using PortalGuard.Tests.Install;

namespace PortalGuard.Tests.Cli;

public sealed class InstallCommandTests : IDisposable
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

    [Fact]
    public void Install_into_a_user_data_dir_writes_the_manifest_there_with_the_running_executable()
    {
        var program = _temp.CreateProgram("app", "portalguard");
        var profile = _temp.Combine("profile");

        var exit = Install(["--browser", "chromium", "--user-data-dir", profile], processPath: program);

        var manifestPath = Path.Combine(profile, "NativeMessagingHosts", "com.portalguard.host.json");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, _stderr.ToString());
        Assert.Equal(program, HostManifestTests.Parse(File.ReadAllBytes(manifestPath)).GetProperty("path").GetString());
        Assert.Contains($"installed for chromium: {manifestPath} -> {program}", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Path_option_wins_over_the_running_executable_and_equals_form_is_accepted()
    {
        var program = _temp.CreateProgram("other", "portalguard");

        var exit = Install([$"--browser=brave", $"--user-data-dir={_temp.Combine("p")}", $"--path={program}"], processPath: "/usr/share/dotnet/dotnet");

        Assert.Equal(0, exit);
        Assert.Contains(program, _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Install_without_user_data_dir_uses_the_browsers_default_profile_folder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var program = _temp.CreateProgram("portalguard");
        var home = _temp.Combine("home");

        var exit = InstallCommand.Run(["--browser", "chrome"], _stdout, _stderr, program, name => name == "HOME" ? home : null);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(home, ".config", "google-chrome", "NativeMessagingHosts", "com.portalguard.host.json")));
    }

    [Fact]
    public void Installing_again_says_already_installed()
    {
        var program = _temp.CreateProgram("portalguard");
        string[] args = ["--browser", "chromium", "--user-data-dir", _temp.Combine("p")];
        Install(args, program);

        var exit = Install(args, program);

        Assert.Equal(0, exit);
        Assert.Contains("already installed for chromium", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_of_another_program_makes_install_fail_with_exit_1_and_force_replaces_it()
    {
        var program = _temp.CreateProgram("portalguard");
        var folder = _temp.Combine("p", "NativeMessagingHosts");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "com.portalguard.host.json"), """{"name":"com.portalguard.host","path":"/opt/evil/host"}""");

        Assert.Equal(1, Install(["--browser", "chromium", "--user-data-dir", _temp.Combine("p")], program));
        Assert.Contains("/opt/evil/host", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(_stderr.ToString().TrimEnd().Split('\n'));

        Assert.Equal(0, Install(["--browser", "chromium", "--user-data-dir", _temp.Combine("p"), "--force"], program));
    }

    [Theory]
    [InlineData(new string[0], "--browser is required without --user-data-dir")]
    [InlineData(new[] { "--browser", "safari" }, "unknown browser 'safari'")]
    [InlineData(new[] { "--browser" }, "--browser needs a value")]
    [InlineData(new[] { "--browser", "--user-data-dir", "/tmp/x" }, "--browser needs a value")]
    [InlineData(new[] { "--browser", "chromium", "--scope", "everyone" }, "unknown scope 'everyone': use user or system")]
    [InlineData(new[] { "--browser", "all", "--user-data-dir", "/tmp/x" }, "--user-data-dir names one browser's profile")]
    [InlineData(new[] { "--browser", "chromium", "--colour", "red" }, "unknown option '--colour'")]
    [InlineData(new[] { "--browser", "chromium", "--browser", "chrome" }, "--browser is given twice")]
    [InlineData(new[] { "--browser", "chromium", "stray" }, "unexpected argument 'stray'")]
    [InlineData(new[] { "--browser", "chromium", "--force=yes" }, "--force takes no value")]
    [InlineData(new[] { "--browser", "chromium", "--path", "/no/such/portalguard" }, "no such file: /no/such/portalguard")]
    public void Usage_error_exits_2_with_one_line_on_stderr(string[] args, string message)
    {
        var exit = Install(args, processPath: _temp.CreateProgram("portalguard"));

        Assert.Equal(2, exit);
        var stderr = _stderr.ToString();
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("portalguard install: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _stdout.ToString());
    }

    [Fact]
    public void Running_through_dotnet_without_path_is_a_usage_error_not_a_manifest_for_dotnet()
    {
        var exit = Install(["--browser", "chromium", "--user-data-dir", _temp.Combine("p")], processPath: "/usr/share/dotnet/dotnet");

        Assert.Equal(2, exit);
        Assert.Contains("pass --path", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("p")));
    }

    [Fact]
    public void User_data_dir_alone_is_enough()
    {
        var exit = Install(["--user-data-dir", _temp.Combine("p")], processPath: _temp.CreateProgram("portalguard"));

        Assert.Equal(0, exit);
        Assert.True(File.Exists(_temp.Combine("p", "NativeMessagingHosts", "com.portalguard.host.json")));
    }

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        Assert.Equal(0, Install(["--help"], processPath: null));
        Assert.StartsWith("usage: portalguard install --browser", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_removes_what_install_wrote_and_a_second_uninstall_is_harmless()
    {
        var program = _temp.CreateProgram("portalguard");
        var profile = _temp.Combine("p");
        Install(["--browser", "chromium", "--user-data-dir", profile], program);
        var manifestPath = Path.Combine(profile, "NativeMessagingHosts", "com.portalguard.host.json");

        Assert.Equal(0, UninstallCommand.Run(["--browser", "chromium", "--user-data-dir", profile], _stdout, _stderr, _ => null));
        Assert.False(File.Exists(manifestPath));
        Assert.Contains($"removed for chromium: {manifestPath}", _stdout.ToString(), StringComparison.Ordinal);

        Assert.Equal(0, UninstallCommand.Run(["--browser", "chromium", "--user-data-dir", profile], _stdout, _stderr, _ => null));
        Assert.Contains("not installed for chromium", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_takes_no_path()
    {
        var exit = UninstallCommand.Run(["--browser", "chromium", "--path", "/x/portalguard"], _stdout, _stderr, _ => null);

        Assert.Equal(2, exit);
        Assert.Contains("portalguard uninstall: unknown option '--path'", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_refuses_a_manifest_of_another_program_with_exit_1()
    {
        var folder = _temp.Combine("p", "NativeMessagingHosts");
        Directory.CreateDirectory(folder);
        var manifestPath = Path.Combine(folder, "com.portalguard.host.json");
        File.WriteAllText(manifestPath, """{"name":"com.portalguard.host","path":"/opt/other/host"}""");

        var exit = UninstallCommand.Run(["--browser", "chromium", "--user-data-dir", _temp.Combine("p")], _stdout, _stderr, _ => null);

        Assert.Equal(1, exit);
        Assert.True(File.Exists(manifestPath));
    }

    private int Install(string[] args, string? processPath) =>
        InstallCommand.Run(args, _stdout, _stderr, processPath, _ => null);
}
