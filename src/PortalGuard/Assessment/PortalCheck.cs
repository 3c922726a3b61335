using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Tls;

namespace PortalGuard.Assessment;

/// <summary>The whole answer for one portal address: who it is, the network towards it, and the verdict. <c>check --json</c> prints it.</summary>
/// <param name="Network">Null when the network was not looked at.</param>
public sealed record PortalCheck(
    string Host,
    string? RegistrableDomain,
    string Origin,
    PortalIdentity Identity,
    NetworkPosture? Network,
    Verdict Verdict)
{
    /// <summary>What the resolver in use answered; null when not looked up.</summary>
    public PortalResolution? Dns { get; init; }

    /// <summary>The portal's certificate as this machine sees it; null when not checked.</summary>
    public TlsFacts? Tls { get; init; }

    /// <summary>The Wi-Fi this machine is on; null when not asked.</summary>
    public WifiFacts? Wifi { get; init; }
}
