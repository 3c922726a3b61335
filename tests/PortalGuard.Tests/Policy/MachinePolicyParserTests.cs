using PortalGuard.Policy;

namespace PortalGuard.Tests.Policy;

public sealed class MachinePolicyParserTests
{
    private const string Location = "/etc/portalguard/policy.json";

    private const string AcmePortal = """
        {"id":"acme-mychart","name":"Acme MyChart","vendor":"Epic Systems","product":"MyChart",
         "hosts":["mychart.acme-health.org"],"platformSuffixes":[],"labelPatterns":[],
         "vpnCompatibility":"yes","twoFactor":"unknown"}
        """;

    [Fact]
    public void Every_field_of_a_clean_policy_is_read()
    {
        var policy = MachinePolicyParser.FromJson(
            $$"""{"sharedDevice":true,"requireVpn":false,"idleTimeoutMinutes":15,"auditRetentionDays":30,"extraPortals":[{{AcmePortal}}]}""",
            Location);

        Assert.True(policy.Found);
        Assert.Equal(Location, policy.Location);
        Assert.True(policy.SharedDevice);
        Assert.False(policy.RequireVpn);
        Assert.Equal(15, policy.IdleTimeoutMinutes);
        Assert.Equal(30, policy.AuditRetentionDays);
        var portal = Assert.Single(policy.ExtraPortals);
        Assert.Equal("acme-mychart", portal.Id);
        Assert.True(portal.UserDefined);
        Assert.Equal("machine policy", portal.Source);
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void Fields_left_out_are_not_forced()
    {
        var policy = MachinePolicyParser.FromJson("{}", Location);

        Assert.True(policy.Found);
        Assert.Null(policy.SharedDevice);
        Assert.Null(policy.RequireVpn);
        Assert.Null(policy.IdleTimeoutMinutes);
        Assert.Null(policy.AuditRetentionDays);
        Assert.Empty(policy.ExtraPortals);
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var policy = MachinePolicyParser.FromJson("{\n // kiosks\n \"sharedDevice\": true,\n}", Location);

        Assert.True(policy.SharedDevice);
        Assert.Empty(policy.Problems);
    }

    [Theory]
    [InlineData("""{"sharedDevice":"yes","requireVpn":true}""", "sharedDevice")]
    [InlineData("""{"sharedDevice":1,"requireVpn":true}""", "sharedDevice")]
    [InlineData("""{"idleTimeoutMinutes":-1,"requireVpn":true}""", "idleTimeoutMinutes")]
    [InlineData("""{"idleTimeoutMinutes":1441,"requireVpn":true}""", "idleTimeoutMinutes")]
    [InlineData("""{"idleTimeoutMinutes":2.5,"requireVpn":true}""", "idleTimeoutMinutes")]
    [InlineData("""{"auditRetentionDays":0,"requireVpn":true}""", "auditRetentionDays")]
    [InlineData("""{"auditRetentionDays":"30","requireVpn":true}""", "auditRetentionDays")]
    [InlineData("""{"extraPortals":{},"requireVpn":true}""", "extraPortals")]
    [InlineData("""{"colour":"blue","requireVpn":true}""", "colour")]
    public void A_bad_field_is_named_and_ignored_while_the_good_ones_apply(string json, string badField)
    {
        var policy = MachinePolicyParser.FromJson(json, Location);

        Assert.True(policy.RequireVpn);
        var problem = Assert.Single(policy.Problems);
        Assert.Contains(badField, problem, StringComparison.Ordinal);
        Assert.Contains("ignored", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_portal_entry_is_ignored_and_the_others_kept()
    {
        var policy = MachinePolicyParser.FromJson(
            $$"""
            {"extraPortals":[
              {"id":"Not An Id","name":"x","vendor":"x","product":"x","hosts":["a.example.org"],"platformSuffixes":[],"labelPatterns":[],"vpnCompatibility":"yes","twoFactor":"unknown"},
              {{AcmePortal}},
              {"id":"suffix-claim","name":"x","vendor":"x","product":"x","hosts":["co.uk"],"platformSuffixes":[],"labelPatterns":[],"vpnCompatibility":"yes","twoFactor":"unknown"},
              {"id":"wrong-shape","hosts":42},
              {{AcmePortal}}
            ]}
            """,
            Location);

        Assert.Equal("acme-mychart", Assert.Single(policy.ExtraPortals).Id);
        Assert.Equal(4, policy.Problems.Count);
        Assert.Contains("extraPortals[0]", policy.Problems[0], StringComparison.Ordinal);
        Assert.Contains("extraPortals[2]", policy.Problems[1], StringComparison.Ordinal);
        Assert.Contains("extraPortals[3]", policy.Problems[2], StringComparison.Ordinal);
        Assert.Contains("used by an earlier entry", policy.Problems[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"sharedDevice\": tru")]
    [InlineData("[\"sharedDevice\"]")]
    [InlineData("true")]
    public void A_file_that_is_not_a_json_object_forces_nothing_and_says_why(string text)
    {
        var policy = MachinePolicyParser.FromJson(text, Location);

        Assert.True(policy.Found);
        Assert.Null(policy.SharedDevice);
        Assert.Single(policy.Problems);
    }

    [Fact]
    public void An_unknown_field_name_is_not_repeated_at_length()
    {
        var name = new string('x', 500);

        var policy = MachinePolicyParser.FromJson($$"""{"{{name}}":1}""", Location);

        Assert.DoesNotContain(name, Assert.Single(policy.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_policy_in_manifests_is_read_without_a_problem()
    {
        var path = Path.Combine(RepositoryRoot(), "manifests", "policy", "portalguard-policy.json");

        var policy = MachinePolicyParser.FromJson(File.ReadAllText(path), path);

        Assert.Empty(policy.Problems);
        Assert.True(policy.SharedDevice);
        Assert.Single(policy.ExtraPortals);
    }

    private static string RepositoryRoot()
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
