using PortalGuard.Install;
using PortalGuard.Policy;

namespace PortalGuard.Tests.Policy;

public sealed class PolicyDoctorChecksTests
{
    [Fact]
    public void No_policy_is_information_naming_where_it_was_looked_for()
    {
        var check = Assert.Single(PolicyDoctorChecks.For(MachinePolicy.None("/etc/portalguard/policy.json")));

        Assert.Equal(DoctorStatus.Info, check.Status);
        Assert.Contains("/etc/portalguard/policy.json", check.Message);
    }

    [Fact]
    public void Policy_in_force_says_what_it_forces_and_warns_with_a_fix_for_each_ignored_field()
    {
        var policy = new MachinePolicy("/etc/portalguard/policy.json", Found: true, SharedDevice: true, RequireVpn: true, IdleTimeoutMinutes: 10, AuditRetentionDays: null, [], ["idleTimeout: must be a whole number"]);

        var checks = PolicyDoctorChecks.For(policy).ToList();

        Assert.Equal(DoctorStatus.Ok, checks[0].Status);
        Assert.Contains("shared device on", checks[0].Message);
        Assert.Contains("VPN required", checks[0].Message);
        Assert.Contains("idle log-out after 10 min", checks[0].Message);
        var warning = Assert.Single(checks, c => c.Status == DoctorStatus.Warning);
        Assert.Contains("idleTimeout", warning.Message);
        Assert.NotNull(warning.Fix);
    }
}
