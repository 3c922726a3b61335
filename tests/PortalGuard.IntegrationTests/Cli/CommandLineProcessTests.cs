using System.Text;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Cli;

/// <summary>The command line as a script or a person uses it: the real executable, a real database file, exit codes and JSON shapes.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly PortalGuardProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Check_json_has_the_documented_shape()
    {
        var result = await _cli.RunCliAsync("check", "https://mychart.ucsf.edu/MyChart/Patient/8675309?mrn=4417", "--json", "--offline");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Text).RootElement;
        Assert.Equal("mychart.ucsf.edu", root.GetProperty("host").GetString());
        Assert.Equal("ucsf.edu", root.GetProperty("registrableDomain").GetString());
        var identity = root.GetProperty("identity");
        Assert.Equal("known", identity.GetProperty("status").GetString());
        var portal = identity.GetProperty("portal");
        Assert.Equal("Epic Systems", portal.GetProperty("vendor").GetString());
        Assert.Equal("yes", portal.GetProperty("vpnCompatibility").GetString());
        Assert.False(string.IsNullOrEmpty(portal.GetProperty("name").GetString()));
        Assert.True(portal.TryGetProperty("notes", out _));
        Assert.Equal("off", root.GetProperty("network").GetProperty("vpn").GetString());
        var verdict = root.GetProperty("verdict");
        Assert.Equal("warn", verdict.GetProperty("level").GetString());
        var reason = Assert.Single(verdict.GetProperty("reasons").EnumerateArray());
        Assert.Equal("vpn-off", reason.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("message").GetString()));
        Assert.DoesNotContain("8675309", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4417", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_an_unknown_site_is_ok_and_names_no_portal()
    {
        var result = await _cli.RunCliAsync("check", "example.org", "--json", "--offline");

        var root = JsonDocument.Parse(result.Text).RootElement;
        Assert.Equal("unknown", root.GetProperty("identity").GetProperty("status").GetString());
        Assert.False(root.GetProperty("identity").TryGetProperty("portal", out _));
        Assert.Equal("ok", root.GetProperty("verdict").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Check_text_output_says_what_a_person_needs()
    {
        var result = await _cli.RunCliAsync("check", "mychart.ucsf.edu", "--offline");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("known patient portal", result.Text, StringComparison.Ordinal);
        Assert.Contains("VPN compatibility", result.Text, StringComparison.Ordinal);
        Assert.Contains("without a VPN", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("warn", 3)]
    [InlineData("block", 0)]
    public async Task Completed_check_exits_0_unless_fail_on_is_reached(string? failOn, int exitCode)
    {
        string[] args = failOn is null ? ["check", "mychart.ucsf.edu", "--offline"] : ["check", "mychart.ucsf.edu", "--offline", "--fail-on", failOn];

        var result = await _cli.RunCliAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "javascript:alert(1)")]
    [InlineData("check", "file:///etc/passwd")]
    [InlineData("check", "not a host")]
    [InlineData("check", "mychart.ucsf.edu", "--fail-on", "maybe")]
    [InlineData("check", "mychart.ucsf.edu", "--jsno")]
    [InlineData("frobnicate")]
    [InlineData("settings", "set", "sharedDevice", "perhaps")]
    [InlineData("settings", "set", "colour", "blue")]
    [InlineData("audit", "--since", "last tuesday")]
    [InlineData("portals", "add", "127.0.0.1")]
    public async Task Usage_error_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        var result = await _cli.RunCliAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("portalguard: ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_persist_in_the_database_across_processes()
    {
        Assert.Equal(0, (await _cli.RunCliAsync("settings", "set", "sharedDevice", "true")).ExitCode);

        var result = await _cli.RunCliAsync("settings", "get", "--json");

        Assert.True(JsonDocument.Parse(result.Text).RootElement.GetProperty("sharedDevice").GetBoolean());
    }

    [Fact]
    public async Task A_users_portal_is_added_shown_used_and_removed()
    {
        var add = await _cli.RunCliAsync("portals", "add", "mychart.example-health.org", "--name", "Example Health MyChart");
        Assert.Equal(0, add.ExitCode);

        var check = await _cli.RunCliAsync("check", "mychart.example-health.org", "--json", "--offline");
        var identity = JsonDocument.Parse(check.Text).RootElement.GetProperty("identity");
        Assert.Equal("known", identity.GetProperty("status").GetString());
        Assert.True(identity.GetProperty("portal").GetProperty("userDefined").GetBoolean());

        var list = await _cli.RunCliAsync("portals", "list");
        Assert.Contains("Example Health MyChart", list.Text, StringComparison.Ordinal);

        Assert.Equal(0, (await _cli.RunCliAsync("portals", "remove", "mychart-example-health-org")).ExitCode);
        var after = await _cli.RunCliAsync("portals", "show", "mychart-example-health-org");
        Assert.Equal(1, after.ExitCode);
    }

    [Fact]
    public async Task A_shipped_portal_cannot_be_removed()
    {
        var result = await _cli.RunCliAsync("portals", "remove", "epic-mychart");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ships with PortalGuard", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_shows_what_the_extension_reported_with_origins_only()
    {
        await _cli.RunSessionAsync(Frames.Of("""{"id":1,"type":"reportEvent","event":"sessionCleared","origin":"https://mychart.ucsf.edu/MyChart/Home","count":12}"""));

        var result = await _cli.RunCliAsync("audit", "--json");

        var e = Assert.Single(JsonDocument.Parse(result.Text).RootElement.EnumerateArray());
        Assert.Equal("sessionCleared", e.GetProperty("code").GetString());
        Assert.Equal("https://mychart.ucsf.edu", e.GetProperty("origin").GetString());
        Assert.Equal(12, e.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Audit_shows_an_event_about_the_device_without_an_origin()
    {
        await _cli.RunSessionAsync(Frames.Of("""{"id":1,"type":"reportEvent","event":"passwordSavingDisabled"}"""));

        var json = await _cli.RunCliAsync("audit", "--json");
        var text = await _cli.RunCliAsync("audit");

        var e = Assert.Single(JsonDocument.Parse(json.Text).RootElement.EnumerateArray());
        Assert.Equal("passwordSavingDisabled", e.GetProperty("code").GetString());
        Assert.False(e.TryGetProperty("origin", out _));
        Assert.Matches(@"^\S+Z  passwordSavingDisabled\s+-\s+\(this device\)$", text.Text.TrimEnd('\n'));
    }

    [Fact]
    public async Task Status_json_reports_network_settings_and_where_data_lives()
    {
        var result = await _cli.RunCliAsync("status", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Text).RootElement;
        Assert.Equal("ok", root.GetProperty("database").GetString());
        Assert.Equal(_cli.DatabasePath, root.GetProperty("databasePath").GetString());
        Assert.True(root.GetProperty("catalogPortals").GetInt32() >= 10);
        Assert.True(root.TryGetProperty("network", out _));
    }

    [Fact]
    public async Task Corrupt_database_is_named_exits_non_zero_and_is_not_overwritten()
    {
        var garbage = Encoding.ASCII.GetBytes("this is not a database " + new string('!', 4000));
        await File.WriteAllBytesAsync(_cli.DatabasePath, garbage);

        var status = await _cli.RunCliAsync("status");
        var set = await _cli.RunCliAsync("settings", "set", "sharedDevice", "true");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains(_cli.DatabasePath, status.Text + status.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, set.ExitCode);
        Assert.Contains(_cli.DatabasePath, set.StandardError, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(_cli.DatabasePath));
    }

    [Fact]
    public async Task Check_still_works_when_the_database_is_corrupt()
    {
        await File.WriteAllBytesAsync(_cli.DatabasePath, Encoding.ASCII.GetBytes(new string('z', 5000)));

        var result = await _cli.RunCliAsync("check", "mychart.ucsf.edu", "--json", "--offline");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("known", JsonDocument.Parse(result.Text).RootElement.GetProperty("identity").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await _cli.RunCliAsync("version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^portalguard \d+\.\d+\.\d+\n$", result.Text);
    }
}
