using PortalGuard.Storage;

namespace PortalGuard.Policy;

/// <summary>The one place that decides precedence: machine policy, then the user's stored value, then the default.</summary>
internal static class SettingsResolver
{
    public static EffectiveSettings Resolve(StoredSettings? user, MachinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var defaults = PortalGuardSettings.Defaults;
        var (sharedDevice, sharedDeviceSource) = Pick(policy.SharedDevice, user?.SharedDevice, defaults.SharedDevice);
        var (requireVpn, requireVpnSource) = Pick(policy.RequireVpn, user?.RequireVpn, defaults.RequireVpn);
        var (idle, idleSource) = Pick(policy.IdleTimeoutMinutes, user?.IdleTimeoutMinutes, defaults.IdleTimeoutMinutes);
        return new EffectiveSettings(
            new PortalGuardSettings(sharedDevice, requireVpn, idle),
            new SettingSources(sharedDeviceSource, requireVpnSource, idleSource, policy.AuditRetentionDays is null ? SettingSource.Default : SettingSource.Policy),
            policy.AuditRetentionDays);
    }

    private static (T Value, SettingSource Source) Pick<T>(T? forced, T? user, T fallback)
        where T : struct =>
        forced is { } f ? (f, SettingSource.Policy)
        : user is { } u ? (u, SettingSource.User)
        : (fallback, SettingSource.Default);
}
