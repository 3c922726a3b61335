namespace PortalGuard.Storage;

/// <summary>The user's settings, as stored. Machine policy (a later feature) may override them.</summary>
/// <param name="SharedDevice">This is a shared device: lock remember-me, switch off password saving, clear everything at the end.</param>
/// <param name="RequireVpn">A portal visit without a VPN is blocked rather than warned about.</param>
/// <param name="IdleTimeoutMinutes">Minutes without input on a portal before the log-out-and-clear runs by itself; 0 means never.</param>
public sealed record PortalGuardSettings(bool SharedDevice, bool RequireVpn, int IdleTimeoutMinutes)
{
    public static PortalGuardSettings Defaults { get; } = new(SharedDevice: false, RequireVpn: false, IdleTimeoutMinutes: 0);
}
