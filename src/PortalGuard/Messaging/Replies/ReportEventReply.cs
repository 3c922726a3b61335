using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>reportEvent</c>: the event is in the audit trail.</summary>
internal sealed record ReportEventReply(JsonElement Id, bool Recorded)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.ReportEvent;
}
