using System.Text.Json;
using PortalGuard.Assessment;
using PortalGuard.Storage;

namespace PortalGuard.IntegrationTests.Policy;

/// <summary>A machine policy file read by the real executable: what it forces, what it refuses, what it survives.</summary>
public sealed class MachinePolicyProcessTests : IDisposable
{
    private const string AcmePortal = """
        {"id":"acme-mychart","name":"Acme MyChart","vendor":"Epic Systems","product":"MyChart",
         "hosts":["mychart.acme-health.org"],"platformSuffixes":[],"labelPatterns":[],
         "vpnCompatibility":"yes","twoFactor":"unknown"}
        """;

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Status_shows_what_is_in_force_and_where_each_value_comes_from()
    {
        Assert.Equal(0, (await _host.RunCliAsync("settings", "set", "requireVpn", "true")).ExitCode);
        _host.WritePolicy("""{ "sharedDevice": true, "idleTimeoutMinutes": 10, "auditRetentionDays": 30 }""");

        var result = await _host.RunCliAsync("status", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Text).RootElement;
        var settings = root.GetProperty("settings");
        Assert.True(settings.GetProperty("sharedDevice").GetBoolean());
        Assert.True(settings.GetProperty("requireVpn").GetBoolean());
        Assert.Equal(10, settings.GetProperty("idleTimeoutMinutes").GetInt32());
        var sources = root.GetProperty("settingSources");
        Assert.Equal("policy", sources.GetProperty("sharedDevice").GetString());
        Assert.Equal("user", sources.GetProperty("requireVpn").GetString());
        Assert.Equal("policy", sources.GetProperty("idleTimeoutMinutes").GetString());
        Assert.Equal("policy", sources.GetProperty("auditRetentionDays").GetString());
        var policy = root.GetProperty("policy");
        Assert.Equal(_host.PolicyPath, policy.GetProperty("location").GetString());
        Assert.Equal("applied", policy.GetProperty("state").GetString());
        Assert.Equal(30, policy.GetProperty("auditRetentionDays").GetInt32());
        Assert.Empty(policy.GetProperty("problems").EnumerateArray());

        var text = await _host.RunCliAsync("status");
        Assert.Contains("Shared device:  on  (machine policy)", text.Text, StringComparison.Ordinal);
        Assert.Contains("Require VPN:    on  (your setting)", text.Text, StringComparison.Ordinal);
        Assert.Contains($"Machine policy: {_host.PolicyPath}", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_policy_status_says_none_and_every_source_is_default()
    {
        var root = JsonDocument.Parse((await _host.RunCliAsync("status", "--json")).Text).RootElement;

        Assert.Equal("none", root.GetProperty("policy").GetProperty("state").GetString());
        Assert.All(root.GetProperty("settingSources").EnumerateObject(), p => Assert.Equal("default", p.Value.GetString()));
    }

    [Fact]
    public async Task Setting_a_field_the_policy_forces_fails_clearly_and_changes_nothing()
    {
        _host.WritePolicy("""{ "sharedDevice": true }""");

        var refused = await _host.RunCliAsync("settings", "set", "sharedDevice", "false");
        var allowed = await _host.RunCliAsync("settings", "set", "requireVpn", "true");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("machine policy", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains(_host.PolicyPath, refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("sharedDevice        true  (machine policy)", allowed.Text, StringComparison.Ordinal);
        using var store = PortalGuardStore.Open(_host.DataDirectory, TimeProvider.System);
        Assert.Null(store.Settings.GetStored().SharedDevice);
    }

    [Fact]
    public async Task Set_settings_over_the_protocol_refuses_a_change_to_a_forced_field_but_accepts_it_unchanged()
    {
        _host.WritePolicy("""{ "sharedDevice": true }""");

        var result = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of("""{"id":1,"type":"setSettings","settings":{"sharedDevice":false}}"""),
            Frames.Of("""{"id":2,"type":"setSettings","settings":{"sharedDevice":true,"requireVpn":true}}""")));

        var replies = Frames.Split(result.StandardOutput).Select(f => JsonDocument.Parse(f).RootElement).ToList();
        Assert.Equal("error", replies[0].GetProperty("type").GetString());
        Assert.Equal("invalid-request", replies[0].GetProperty("code").GetString());
        Assert.Equal("settings.sharedDevice", replies[0].GetProperty("field").GetString());
        Assert.Contains("machine policy", replies[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var settings = replies[1].GetProperty("settings");
        Assert.True(settings.GetProperty("sharedDevice").GetBoolean());
        Assert.True(settings.GetProperty("requireVpn").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_policy_is_logged_field_by_field_and_the_host_still_answers_with_the_good_fields()
    {
        _host.WritePolicy("""{ "sharedDevice": "always", "requireVpn": true, "idleTimeoutMinutes": 99999 }""");

        var result = await _host.RunSessionAsync(Frames.Of("""{"id":"h","type":"hello"}"""));

        Assert.Equal(0, result.ExitCode);
        var hello = JsonDocument.Parse(Assert.Single(Frames.Split(result.StandardOutput))).RootElement;
        var settings = hello.GetProperty("settings");
        Assert.False(settings.GetProperty("sharedDevice").GetBoolean());
        Assert.True(settings.GetProperty("requireVpn").GetBoolean());
        Assert.Equal(0, settings.GetProperty("idleTimeoutMinutes").GetInt32());
        var logs = _host.ReadLogs();
        Assert.Contains("sharedDevice must be true or false", logs, StringComparison.Ordinal);
        Assert.Contains("idleTimeoutMinutes must be from 0 to 1440", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_file_that_is_not_json_is_reported_by_status_and_nothing_is_forced()
    {
        _host.WritePolicy("sharedDevice = true");

        var result = await _host.RunCliAsync("status", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Text).RootElement;
        Assert.Equal("partlyIgnored", root.GetProperty("policy").GetProperty("state").GetString());
        Assert.Contains("not valid JSON", root.GetProperty("policy").GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("default", root.GetProperty("settingSources").GetProperty("sharedDevice").GetString());
    }

    [Fact]
    public async Task Required_vpn_from_the_policy_turns_the_vpn_warning_into_a_block()
    {
        var before = JsonDocument.Parse((await _host.RunCliAsync("check", "mychart.ucsf.edu", "--json", "--offline")).Text).RootElement;
        _host.WritePolicy("""{ "requireVpn": true }""");

        var after = JsonDocument.Parse((await _host.RunCliAsync("check", "mychart.ucsf.edu", "--json", "--offline")).Text).RootElement;

        // This machine has no VPN up: the same page is a warning by default and a block under the policy.
        Assert.Equal("off", after.GetProperty("network").GetProperty("vpn").GetString());
        Assert.Equal("warn", before.GetProperty("verdict").GetProperty("level").GetString());
        Assert.Equal("block", after.GetProperty("verdict").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Extra_portals_from_the_policy_join_the_catalog()
    {
        _host.WritePolicy($$"""{ "extraPortals": [{{AcmePortal}}] }""");

        var result = await _host.RunCliAsync("check", "https://mychart.acme-health.org", "--json", "--offline");

        var identity = JsonDocument.Parse(result.Text).RootElement.GetProperty("identity");
        Assert.Equal("known", identity.GetProperty("status").GetString());
        Assert.Equal("acme-mychart", identity.GetProperty("portal").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Audit_retention_prunes_old_events_when_the_host_starts()
    {
        var now = DateTimeOffset.UtcNow;
        using (var store = PortalGuardStore.Open(_host.DataDirectory, TimeProvider.System))
        {
            store.Audit.Record(new AuditEvent(now.AddDays(-60), "https://old.example.org", AuditEventCode.WarningShown, VerdictLevel.Warn, null));
            store.Audit.Record(new AuditEvent(now.AddDays(-1), "https://new.example.org", AuditEventCode.WarningShown, VerdictLevel.Warn, null));
        }

        _host.WritePolicy("""{ "auditRetentionDays": 30 }""");
        var result = await _host.RunSessionAsync(Frames.Of("""{"id":"h","type":"hello"}"""));

        Assert.Equal(0, result.ExitCode);
        using var reopened = PortalGuardStore.Open(_host.DataDirectory, TimeProvider.System);
        Assert.Equal("https://new.example.org", Assert.Single(reopened.Audit.Read(null)).Origin);
    }
}
