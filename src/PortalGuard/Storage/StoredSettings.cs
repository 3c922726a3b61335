namespace PortalGuard.Storage;

/// <summary>The settings the user has stored; null for a key never set (or holding a value this build cannot read).</summary>
internal sealed record StoredSettings(bool? SharedDevice, bool? RequireVpn, int? IdleTimeoutMinutes);
