using PortalGuard.Network;
using PortalGuard.Portals;

namespace PortalGuard.Assessment;

/// <summary>The whole answer for one portal address: who it is, the network towards it, and the verdict. <c>check --json</c> prints it.</summary>
/// <param name="Network">Null when the network was not looked at.</param>
public sealed record PortalCheck(
    string Host,
    string? RegistrableDomain,
    string Origin,
    PortalIdentity Identity,
    NetworkPosture? Network,
    Verdict Verdict);
