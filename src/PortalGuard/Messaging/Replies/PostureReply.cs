using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Network;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>getPosture</c>.</summary>
internal sealed record PostureReply(JsonElement Id, NetworkPosture Network)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.GetPosture;
}
