using System.Text.Json;

namespace PortalGuard.IntegrationTests.Install;

/// <summary><c>install</c> then <c>doctor --json</c> as the real executable, in a temp HOME and a temp system root: the
/// doctor starts the host as a browser would and gets hello; each kind of broken manifest is reported with its fix.</summary>
public sealed class DoctorProcessTests : IDisposable
{
    private const string Origin = "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/";

    private readonly PortalGuardProcess _cli = new();

    public DoctorProcessTests()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Root);
    }

    private string Home => Path.Combine(_cli.DataDirectory, "home");

    private string Root => Path.Combine(_cli.DataDirectory, "root");

    private string ChromeManifest => Path.Combine(Home, ".config", "google-chrome", "NativeMessagingHosts", "com.portalguard.host.json");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Doctor_finds_what_install_wrote_starts_the_host_and_gets_hello()
    {
        Directory.CreateDirectory(Path.Combine(Home, ".config", "google-chrome"));
        Directory.CreateDirectory(Path.Combine(Home, ".mozilla", "firefox"));

        var install = await RunAsync("install", "--browser", "all");
        Assert.Equal(0, install.ExitCode);
        Assert.Contains("browsers found: chrome, firefox", install.Text, StringComparison.Ordinal);

        var doctor = await RunAsync("doctor", "--json");

        var report = JsonDocument.Parse(doctor.Text).RootElement;
        Assert.True(report.GetProperty("healthy").GetBoolean(), doctor.Text);
        Assert.Equal(0, doctor.ExitCode);
        var checks = Checks(report);
        Assert.Contains(checks, c => c.Area == "chrome (user)" && c.Status == "ok" && c.Message.Contains("answers hello", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Area == "firefox (user)" && c.Status == "ok" && c.Message.Contains("answers hello", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Area == "database" && c.Status == "ok");
        Assert.Equal(Path.Combine(_cli.DataDirectory, "logs"), report.GetProperty("logDirectory").GetString());
        Assert.DoesNotContain(checks, c => c.Area.StartsWith("edge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task System_scope_manifest_is_found_by_doctor_and_uninstall_removes_it()
    {
        Directory.CreateDirectory(Path.Combine(Home, ".config", "chromium"));
        Assert.Equal(0, (await RunAsync("install", "--browser", "chromium", "--scope", "system")).ExitCode);
        var manifest = Path.Combine(Root, "etc", "chromium", "native-messaging-hosts", "com.portalguard.host.json");
        Assert.True(File.Exists(manifest));

        var doctor = await RunAsync("doctor", "--json");

        Assert.Equal(0, doctor.ExitCode);
        Assert.Contains(Checks(JsonDocument.Parse(doctor.Text).RootElement), c => c.Area == "chromium (system)" && c.Message.Contains("answers hello", StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync("uninstall", "--browser", "chromium", "--scope", "system")).ExitCode);
        Assert.False(File.Exists(manifest));
    }

    [Theory]
    [InlineData("relative path", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"portalguard\",\"allowed_origins\":[\"" + Origin + "\"]}", "is relative")]
    [InlineData("wrong origin", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"EXE\",\"allowed_origins\":[\"chrome-extension://abcdefghijklmnopabcdefghijklmnop/\"]}", "does not list PortalGuard's extension")]
    [InlineData("missing file", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"/no/such/dir/portalguard\",\"allowed_origins\":[\"" + Origin + "\"]}", "does not exist")]
    [InlineData("not executable", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"PLAIN\",\"allowed_origins\":[\"" + Origin + "\"]}", "is not executable")]
    [InlineData("bad JSON", "{\"name\":\"com.portalguard.host\",", "is not valid JSON")]
    [InlineData("host that cannot answer", "{\"name\":\"com.portalguard.host\",\"type\":\"stdio\",\"path\":\"SILENT\",\"allowed_origins\":[\"" + Origin + "\"]}", "without answering")]
    public async Task Broken_manifest_is_reported_with_its_fix_and_exit_1(string _, string json, string expected)
    {
        var plain = Path.Combine(_cli.DataDirectory, "plain", "portalguard");
        Directory.CreateDirectory(Path.GetDirectoryName(plain)!);
        File.WriteAllText(plain, "#!/bin/sh\n");
        var silent = Path.Combine(_cli.DataDirectory, "silent", "portalguard");
        Directory.CreateDirectory(Path.GetDirectoryName(silent)!);
        File.WriteAllText(silent, "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(ChromeManifest)!);
        File.WriteAllText(ChromeManifest, json
            .Replace("EXE", PortalGuardProcess.ExecutablePath, StringComparison.Ordinal)
            .Replace("PLAIN", plain, StringComparison.Ordinal)
            .Replace("SILENT", silent, StringComparison.Ordinal));

        var doctor = await RunAsync("doctor", "--json");

        Assert.Equal(1, doctor.ExitCode);
        var failure = Assert.Single(Checks(JsonDocument.Parse(doctor.Text).RootElement), c => c.Status == "failed");
        Assert.Equal("chrome (user)", failure.Area);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(failure.Fix));
    }

    [Fact]
    public async Task Browser_found_without_a_manifest_is_a_failure_whose_fix_is_install()
    {
        Directory.CreateDirectory(Path.Combine(Home, ".config", "microsoft-edge"));

        var doctor = await RunAsync("doctor");

        Assert.Equal(1, doctor.ExitCode);
        Assert.Contains("FAIL edge: PortalGuard is not registered with edge", doctor.Text, StringComparison.Ordinal);
        Assert.Contains("fix: portalguard install --browser edge", doctor.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("snap", "Snap", "failed")]
    [InlineData("flatpak", "Flatpak", "failed")]
    public async Task Snap_or_flatpak_chromium_is_explained_with_the_fix(string layout, string word, string status)
    {
        if (layout == "snap")
        {
            Directory.CreateDirectory(Path.Combine(Root, "snap", "bin"));
            File.WriteAllText(Path.Combine(Root, "snap", "bin", "chromium"), string.Empty);
            Directory.CreateDirectory(Path.Combine(Home, "snap", "chromium", "common", "chromium"));
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(Home, ".var", "app", "org.chromium.Chromium", "config", "chromium"));
        }

        var doctor = await RunAsync("doctor", "--json");

        Assert.Equal(1, doctor.ExitCode);
        var sandbox = Assert.Single(Checks(JsonDocument.Parse(doctor.Text).RootElement), c => c.Message.Contains($"is installed as a {word}", StringComparison.Ordinal));
        Assert.Equal("chromium", sandbox.Area);
        Assert.Equal(status, sandbox.Status);
        Assert.False(string.IsNullOrWhiteSpace(sandbox.Fix));
    }

    private Task<ProcessResult> RunAsync(params string[] args) =>
        _cli.RunAsync(args, environment: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["PORTALGUARD_SYSTEM_ROOT"] = Root,
            ["XDG_CONFIG_HOME"] = string.Empty,
            ["CHROME_CONFIG_HOME"] = string.Empty,
        });

    private static List<(string Area, string Status, string Message, string? Fix)> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray()
            .Select(c => (
                c.GetProperty("area").GetString()!,
                c.GetProperty("status").GetString()!,
                c.GetProperty("message").GetString()!,
                c.TryGetProperty("fix", out var fix) ? fix.GetString() : null))
            .ToList();
}
