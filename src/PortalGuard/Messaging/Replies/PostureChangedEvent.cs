using System.Text.Json.Serialization;
using PortalGuard.Network;

namespace PortalGuard.Messaging.Replies;

/// <summary>Pushed by the host, with no id, when the network posture changes (a VPN drops or comes up).</summary>
internal sealed record PostureChangedEvent(NetworkPosture Network)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.PostureChanged;
}
