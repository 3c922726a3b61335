using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Policy;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>setManagedPortals</c>: which managed host names are portals for this session, and which are not and why.</summary>
internal sealed record ManagedPortalsReply(JsonElement Id, IReadOnlyList<string> Added, IReadOnlyList<string> AlreadyKnown, IReadOnlyList<ManagedPortalProblem> Refused)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.SetManagedPortals;
}
