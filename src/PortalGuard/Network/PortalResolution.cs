using System.Net;
using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Network;

/// <summary>What the resolver in use answers for a portal's host name, and whether any answer is bogus for a public portal.</summary>
/// <param name="Host">The name looked up (ASCII, as <c>WebTarget.Host</c> gives it).</param>
/// <param name="Addresses">The A and AAAA answers, IPv4 first; empty unless <paramref name="Outcome"/> is <see cref="ResolutionOutcome.Resolved"/>.</param>
/// <param name="SuspiciousAddress">The first answer in a range no public server can have (private, loopback, …); null when there is none.</param>
/// <param name="SuspiciousRange">The range <paramref name="SuspiciousAddress"/> lies in.</param>
/// <param name="Detail">What went wrong, in a sentence, when the lookup did not resolve; null otherwise.</param>
public sealed record PortalResolution(
    string Host,
    ResolutionOutcome Outcome,
    [property: JsonConverter(typeof(IPAddressListJsonConverter))] IReadOnlyList<IPAddress> Addresses,
    [property: JsonConverter(typeof(IPAddressJsonConverter))] IPAddress? SuspiciousAddress,
    SpecialAddressRange? SuspiciousRange,
    string? Detail,
    DateTimeOffset CheckedAt)
{
    /// <summary>An answer points somewhere a public portal cannot be: a hijacking resolver or a captive portal.</summary>
    public bool Suspicious => SuspiciousAddress is not null;
}
