using NSubstitute;
using NSubstitute.ExceptionExtensions;
using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Policy;

public sealed class MachinePolicySourcesTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [Theory]
    [InlineData("Linux", "/etc/portalguard/policy.json")]
    [InlineData("MacOS", "/Library/Preferences/org.portalguard.policy.json")]
    public void Unix_systems_read_their_policy_file(string system, string path)
    {
        var source = Assert.IsType<PolicyFileSource>(MachinePolicySources.For(NoVariables, Enum.Parse<HostOperatingSystem>(system), registry: null));

        Assert.Equal(path, source.Path);
    }

    [Fact]
    public void Windows_reads_the_policy_key()
    {
        var registry = Substitute.For<IPolicyRegistry>();

        Assert.IsType<RegistryPolicySource>(MachinePolicySources.For(NoVariables, HostOperatingSystem.Windows, registry));
    }

    [Theory]
    [InlineData("Linux")]
    [InlineData("MacOS")]
    [InlineData("Windows")]
    public void The_variable_names_a_file_on_every_system(string system)
    {
        var source = MachinePolicySources.For(
            name => name == MachinePolicySources.PolicyFileVariable ? "/tmp/p.json" : null, Enum.Parse<HostOperatingSystem>(system), Substitute.For<IPolicyRegistry>());

        Assert.Equal("/tmp/p.json", Assert.IsType<PolicyFileSource>(source).Path);
    }

    [Fact]
    public void A_missing_file_is_no_policy()
    {
        using var folder = new TempDirectory();

        var policy = new PolicyFileSource(Path.Combine(folder.Path, "policy.json")).Read();

        Assert.False(policy.Found);
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_not_thrown()
    {
        using var folder = new TempDirectory();

        // A folder where the file should be: reading it fails with an I/O error on every system.
        var path = Path.Combine(folder.Path, "policy.json");
        Directory.CreateDirectory(path);
        var policy = new PolicyFileSource(path).Read();

        Assert.True(policy.Found);
        Assert.Null(policy.SharedDevice);
        Assert.Single(policy.Problems);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, true)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, false)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite, false)]
    public void A_policy_file_other_users_can_write_is_ignored(UnixFileMode mode, bool applied)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps the policy in the registry; file modes do not apply.
        }

        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "policy.json");
        File.WriteAllText(path, """{ "sharedDevice": true }""");
        File.SetUnixFileMode(path, mode);

        var policy = new PolicyFileSource(path).Read();

        Assert.Equal(applied ? true : null, policy.SharedDevice);
        Assert.Equal(applied ? 0 : 1, policy.Problems.Count);
    }

    [Fact]
    public void Registry_values_are_read_as_the_file_fields_are()
    {
        var registry = Registry(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["SharedDevice"] = 1,
            ["RequireVpn"] = 0,
            ["IdleTimeoutMinutes"] = 20,
            ["AuditRetentionDays"] = 90,
            ["ExtraPortals"] = """[{"id":"acme-mychart","name":"Acme","vendor":"Epic Systems","product":"MyChart","hosts":["mychart.acme-health.org"],"platformSuffixes":[],"labelPatterns":[],"vpnCompatibility":"yes","twoFactor":"unknown"}]""",
        });

        var policy = new RegistryPolicySource(registry).Read();

        Assert.True(policy.Found);
        Assert.Equal(@"HKLM\Software\Policies\PortalGuard", policy.Location);
        Assert.True(policy.SharedDevice);
        Assert.False(policy.RequireVpn);
        Assert.Equal(20, policy.IdleTimeoutMinutes);
        Assert.Equal(90, policy.AuditRetentionDays);
        Assert.Equal("acme-mychart", Assert.Single(policy.ExtraPortals).Id);
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void A_registry_value_of_the_wrong_kind_is_ignored_alone()
    {
        var registry = Registry(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["SharedDevice"] = "yes",
            ["RequireVpn"] = 1,
            ["IdleTimeoutMinutes"] = 5000,
            ["ExtraPortals"] = 7,
        });

        var policy = new RegistryPolicySource(registry).Read();

        Assert.Null(policy.SharedDevice);
        Assert.True(policy.RequireVpn);
        Assert.Null(policy.IdleTimeoutMinutes);
        Assert.Equal(3, policy.Problems.Count);
    }

    [Fact]
    public void A_missing_key_is_no_policy()
    {
        var registry = Substitute.For<IPolicyRegistry>();
        registry.KeyName.Returns(@"HKLM\Software\Policies\PortalGuard");
        registry.KeyExists().Returns(false);

        var policy = new RegistryPolicySource(registry).Read();

        Assert.False(policy.Found);
    }

    [Fact]
    public void A_key_the_process_may_not_read_is_reported_not_thrown()
    {
        var registry = Substitute.For<IPolicyRegistry>();
        registry.KeyName.Returns(@"HKLM\Software\Policies\PortalGuard");
        registry.KeyExists().Throws(new UnauthorizedAccessException("denied"));

        var policy = new RegistryPolicySource(registry).Read();

        Assert.Contains("denied", Assert.Single(policy.Problems), StringComparison.Ordinal);
    }

    private static IPolicyRegistry Registry(Dictionary<string, object> values)
    {
        var registry = Substitute.For<IPolicyRegistry>();
        registry.KeyName.Returns(@"HKLM\Software\Policies\PortalGuard");
        registry.KeyExists().Returns(true);
        registry.GetValue(Arg.Any<string>()).Returns(call => values.GetValueOrDefault(call.Arg<string>()));
        return registry;
    }
}
