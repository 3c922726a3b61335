using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to a request that could not be served. <c>id</c> is absent when the request had none readable.</summary>
/// <param name="Field">The offending field, for <c>invalid-request</c>.</param>
/// <param name="MessageType">The unknown type, for <c>unknown-type</c>.</param>
internal sealed record ErrorReply(JsonElement? Id, string Code, string Message, string? Field = null, string? MessageType = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}
