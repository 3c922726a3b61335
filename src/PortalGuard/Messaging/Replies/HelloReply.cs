using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Storage;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>hello</c>: who the host is and what is in force.</summary>
/// <param name="Storage"><c>ok</c>, or <c>unavailable</c> with <paramref name="StorageError"/> saying why.</param>
internal sealed record HelloReply(
    JsonElement Id,
    int ProtocolVersion,
    string HostVersion,
    IReadOnlyList<string> Capabilities,
    PortalGuardSettings Settings,
    string Storage,
    string? StorageError)
{
    [JsonPropertyOrder(-1)]
    public string Type => MessageTypes.Hello;
}
