namespace PortalGuard.Storage;

/// <summary>The settings: as the user stored them (SettingsStore), or as in force once machine policy is applied (Policy/SettingsResolver).</summary>
/// <param name="SharedDevice">This is a shared device: lock remember-me, switch off password saving, clear everything at the end.</param>
/// <param name="RequireVpn">A portal visit without a VPN is blocked rather than warned about.</param>
/// <param name="IdleTimeoutMinutes">Minutes without input on a portal before the log-out-and-clear runs by itself; 0 means never.</param>
public sealed record PortalGuardSettings(bool SharedDevice, bool RequireVpn, int IdleTimeoutMinutes)
{
    public static PortalGuardSettings Defaults { get; } = new(SharedDevice: false, RequireVpn: false, IdleTimeoutMinutes: 0);
}
