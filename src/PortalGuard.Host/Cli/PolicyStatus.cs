namespace PortalGuard.Host.Cli;

/// <summary>The machine policy as <c>status --json</c> shows it. Documented in docs/cli.md and docs/policy.md.</summary>
/// <param name="Location">The file or registry key looked at.</param>
/// <param name="State"><c>none</c> (nothing there), <c>applied</c>, or <c>partlyIgnored</c> (see <paramref name="Problems"/>).</param>
/// <param name="AuditRetentionDays">Audit events older than this are deleted at start; absent = kept.</param>
/// <param name="ExtraPortals">How many catalog entries the policy adds.</param>
internal sealed record PolicyStatus(string Location, string State, int? AuditRetentionDays, int ExtraPortals, IReadOnlyList<string> Problems);
