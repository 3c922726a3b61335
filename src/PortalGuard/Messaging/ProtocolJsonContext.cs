using System.Text.Json.Serialization;
using PortalGuard.Assessment;
using PortalGuard.Json;
using PortalGuard.Messaging.Replies;
using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;

namespace PortalGuard.Messaging;

/// <summary>Source-generated JSON for everything the host writes, on the wire and from <c>--json</c>: camelCase, enums as camelCase strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(CamelCaseEnumConverter<VerdictLevel>),
        typeof(CamelCaseEnumConverter<ReasonSeverity>),
        typeof(CamelCaseEnumConverter<PortalIdentityStatus>),
        typeof(CamelCaseEnumConverter<VpnCompatibility>),
        typeof(CamelCaseEnumConverter<TwoFactorSupport>),
        typeof(CamelCaseEnumConverter<VpnState>),
        typeof(CamelCaseEnumConverter<TunnelKind>),
        typeof(CamelCaseEnumConverter<AuditEventCode>),
    ])]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(HelloReply))]
[JsonSerializable(typeof(AssessPageReply))]
[JsonSerializable(typeof(PostureReply))]
[JsonSerializable(typeof(CheckPortalReply))]
[JsonSerializable(typeof(SettingsReply))]
[JsonSerializable(typeof(ReportEventReply))]
[JsonSerializable(typeof(ManagedPortalsReply))]
[JsonSerializable(typeof(PostureChangedEvent))]
[JsonSerializable(typeof(PortalCheck))]
[JsonSerializable(typeof(PortalEntry))]
[JsonSerializable(typeof(IReadOnlyList<PortalEntry>))]
[JsonSerializable(typeof(IReadOnlyList<AuditEvent>))]
[JsonSerializable(typeof(PortalGuardSettings))]
[JsonSerializable(typeof(NetworkPosture))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
