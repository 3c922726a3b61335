namespace PortalGuard.Policy;

/// <summary>Where each setting in force comes from.</summary>
public sealed record SettingSources(SettingSource SharedDevice, SettingSource RequireVpn, SettingSource IdleTimeoutMinutes, SettingSource AuditRetentionDays);
