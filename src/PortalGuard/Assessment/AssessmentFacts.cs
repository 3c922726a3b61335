using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;
using PortalGuard.Tls;

namespace PortalGuard.Assessment;

/// <summary>Everything the assessor decides from, gathered beforehand by the probes.</summary>
/// <param name="FormActionRegistrableDomain">The registrable domain of the login form's target, when the page has one.</param>
/// <param name="Network">The network posture for this destination; null when it was not looked at.</param>
internal sealed record AssessmentFacts(
    WebTarget Target,
    PortalIdentity Identity,
    PageSignals Signals,
    string? FormActionRegistrableDomain,
    NetworkPosture? Network,
    PortalGuardSettings Settings)
{
    /// <summary>What the resolver in use answered for the host; null when not looked up (offline, IP literal).</summary>
    public PortalResolution? Resolution { get; init; }

    /// <summary>The certificate as this machine sees it; null when not checked.</summary>
    public TlsFacts? Tls { get; init; }

    /// <summary>Trust on first use: the certificate's key compared with the one seen before; null when not checked.</summary>
    public CertificateObservation? CertificateHistory { get; init; }

    /// <summary>For a frame: what the tab's top page is (its own identity, classified like any page); null for a top page.</summary>
    public PortalIdentity? TopPage { get; init; }

    /// <summary>The Wi-Fi this machine is on; null when not asked.</summary>
    public WifiFacts? Wifi { get; init; }
}
