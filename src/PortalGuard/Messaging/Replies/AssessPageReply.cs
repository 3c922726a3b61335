using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Assessment;
using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Tls;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>assessPage</c>: the page's origin, who it is, the network, and the verdict.</summary>
internal sealed record AssessPageReply(
    JsonElement Id,
    string Origin,
    PortalIdentity Identity,
    NetworkPosture? Network,
    Verdict Verdict)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.AssessPage;

    /// <summary>What the resolver in use answered for the portal; absent when not looked up.</summary>
    public PortalResolution? Dns { get; init; }

    /// <summary>The portal's certificate as this machine sees it; absent when not checked.</summary>
    public TlsFacts? Tls { get; init; }

    /// <summary>The Wi-Fi this machine is on; absent when not asked.</summary>
    public WifiFacts? Wifi { get; init; }

    public static AssessPageReply From(JsonElement id, PortalCheck check) =>
        new(id, check.Origin, check.Identity, check.Network, check.Verdict) { Dns = check.Dns, Tls = check.Tls, Wifi = check.Wifi };
}
