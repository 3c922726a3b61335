using PortalGuard.Storage;

namespace PortalGuard.Policy;

/// <summary>The settings in force after machine policy, and where each value comes from.</summary>
/// <param name="Values">What the guard acts on.</param>
/// <param name="Sources">Per field: default, user or policy.</param>
/// <param name="AuditRetentionDays">How long audit events are kept; null = for ever (only machine policy sets it).</param>
public sealed record EffectiveSettings(PortalGuardSettings Values, SettingSources Sources, int? AuditRetentionDays);
