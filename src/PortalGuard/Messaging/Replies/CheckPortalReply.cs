using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Portals;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>checkPortal</c>: the catalog's view of a host, with its VPN-compatibility notes.</summary>
internal sealed record CheckPortalReply(JsonElement Id, string Host, string? RegistrableDomain, PortalIdentity Identity)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.CheckPortal;
}
