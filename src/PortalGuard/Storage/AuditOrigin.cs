using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>
/// The last gate before the audit trail: whatever a caller passes as an origin leaves here as scheme://host[:port] or not at all.
/// A URL path can carry a patient id, so a full URL is cut down to its origin, and anything that is not an http(s) URL is refused.
/// </summary>
internal static class AuditOrigin
{
    /// <summary>The origin of <paramref name="value"/>, written as a browser writes it (lowercase, default port left out).</summary>
    /// <exception cref="ArgumentException">Not an absolute http or https URL with a host. The message never repeats the value.</exception>
    public static string Reduce(string? value, string parameterName)
    {
        // The same parser as every other address in PortalGuard, so the audit trail writes an origin as a check reports it.
        if (string.IsNullOrWhiteSpace(value)
            || !value.Contains("://", StringComparison.Ordinal)
            || !WebTargetParser.TryParse(value.Trim(), out var target, out _))
        {
            // The value is not repeated: it may be a whole URL whose path names a patient.
            throw new ArgumentException(
                "An audit event's origin must be an http or https origin (scheme://host[:port]) or a URL to take it from.",
                parameterName);
        }

        return target.Origin;
    }
}
