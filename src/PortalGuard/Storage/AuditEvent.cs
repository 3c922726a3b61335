using PortalGuard.Assessment;

namespace PortalGuard.Storage;

/// <summary>One line of the audit trail. Origins only: never a path, query, title, form value or password.</summary>
/// <param name="Origin">Scheme, host and port only (<c>https://mychart.ucsf.edu</c>); null for an event about the device
/// rather than a site (see <see cref="AuditEventScope"/>).</param>
/// <param name="Level">The verdict level in force when it happened, if any.</param>
/// <param name="Count">A count where the event has one (items cleared, controls locked).</param>
public sealed record AuditEvent(DateTimeOffset Time, string? Origin, AuditEventCode Code, VerdictLevel? Level, int? Count);
