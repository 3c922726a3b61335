using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;

namespace PortalGuard.Assessment;

/// <summary>Everything the assessor decides from, gathered beforehand by the probes.</summary>
/// <param name="FormActionRegistrableDomain">The registrable domain of the login form's target, when the page has one.</param>
/// <param name="Network">The network posture for this destination; null when it was not looked at.</param>
public sealed record AssessmentFacts(
    WebTarget Target,
    PortalIdentity Identity,
    PageSignals Signals,
    string? FormActionRegistrableDomain,
    NetworkPosture? Network,
    PortalGuardSettings Settings);
