using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Assessment;
using PortalGuard.Network;
using PortalGuard.Portals;

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
}
