using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Storage;

namespace PortalGuard.Messaging.Replies;

/// <summary>The reply to <c>getSettings</c> and <c>setSettings</c>: the settings now in force.</summary>
internal sealed record SettingsReply(JsonElement Id, [property: JsonPropertyOrder(-1)] string Type, PortalGuardSettings Settings);
