namespace PortalGuard.Portals;

/// <summary>The answer to "is this really the portal?" for one host.</summary>
/// <param name="Host">The normalised host (lowercase, ASCII/punycode, no trailing dot).</param>
/// <param name="RegistrableDomain">The registrable domain by the Public Suffix List; null for IP literals and bare suffixes.</param>
/// <param name="LookalikeOf">The catalog domain this host imitates, when <see cref="Status"/> is <see cref="PortalIdentityStatus.Lookalike"/>.</param>
public sealed record PortalIdentity(
    string Host,
    string? RegistrableDomain,
    PortalIdentityStatus Status,
    PortalEntry? Portal,
    string? LookalikeOf);
