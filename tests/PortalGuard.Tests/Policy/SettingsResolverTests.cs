using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Policy;

public sealed class SettingsResolverTests
{
    // Each row: what the policy forces, what the user stored, and the value and source in force. null = not set.
    [Theory]
    [InlineData(null, null, false, SettingSource.Default)]
    [InlineData(null, true, true, SettingSource.User)]
    [InlineData(null, false, false, SettingSource.User)]
    [InlineData(true, null, true, SettingSource.Policy)]
    [InlineData(true, false, true, SettingSource.Policy)]
    [InlineData(false, true, false, SettingSource.Policy)]
    public void Policy_wins_over_the_user_who_wins_over_the_default(bool? forced, bool? stored, bool expected, SettingSource source)
    {
        var policy = MachinePolicy.None("p") with { Found = true, SharedDevice = forced, RequireVpn = forced };

        var effective = SettingsResolver.Resolve(new StoredSettings(stored, stored, null), policy);

        Assert.Equal(expected, effective.Values.SharedDevice);
        Assert.Equal(expected, effective.Values.RequireVpn);
        Assert.Equal(source, effective.Sources.SharedDevice);
        Assert.Equal(source, effective.Sources.RequireVpn);
    }

    [Theory]
    [InlineData(null, null, 0, SettingSource.Default)]
    [InlineData(null, 30, 30, SettingSource.User)]
    [InlineData(10, 30, 10, SettingSource.Policy)]
    [InlineData(0, 30, 0, SettingSource.Policy)]
    public void Idle_timeout_follows_the_same_precedence(int? forced, int? stored, int expected, SettingSource source)
    {
        var policy = MachinePolicy.None("p") with { IdleTimeoutMinutes = forced };

        var effective = SettingsResolver.Resolve(new StoredSettings(null, null, stored), policy);

        Assert.Equal(expected, effective.Values.IdleTimeoutMinutes);
        Assert.Equal(source, effective.Sources.IdleTimeoutMinutes);
    }

    [Fact]
    public void Without_a_database_the_policy_still_applies_over_the_defaults()
    {
        var policy = MachinePolicy.None("p") with { SharedDevice = true, AuditRetentionDays = 7 };

        var effective = SettingsResolver.Resolve(user: null, policy);

        Assert.True(effective.Values.SharedDevice);
        Assert.Equal(SettingSource.Policy, effective.Sources.SharedDevice);
        Assert.Equal(SettingSource.Default, effective.Sources.RequireVpn);
        Assert.Equal(7, effective.AuditRetentionDays);
        Assert.Equal(SettingSource.Policy, effective.Sources.AuditRetentionDays);
    }

    [Theory]
    [InlineData(SettingsStore.SharedDeviceKey, true)]
    [InlineData(SettingsStore.RequireVpnKey, false)]
    [InlineData(SettingsStore.IdleTimeoutMinutesKey, true)]
    [InlineData("colour", false)]
    public void Locks_names_exactly_the_forced_settings(string key, bool locked)
    {
        var policy = MachinePolicy.None("p") with { SharedDevice = false, IdleTimeoutMinutes = 5 };

        Assert.Equal(locked, policy.Locks(key));
    }
}
