using System.Text.Json.Serialization;
using PortalGuard.Json;
using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>The JSON shape of catalog entries as stored in the <c>portals</c> table: camelCase, enums as camelCase strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(CamelCaseEnumConverter<VpnCompatibility>), typeof(CamelCaseEnumConverter<TwoFactorSupport>)])]
[JsonSerializable(typeof(PortalEntry))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
