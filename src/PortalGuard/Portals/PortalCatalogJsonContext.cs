using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Portals;

/// <summary>Source-generated JSON for catalog files: camelCase names, enums as camelCase strings, unknown properties refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(CamelCaseEnumConverter<VpnCompatibility>), typeof(CamelCaseEnumConverter<TwoFactorSupport>)])]
[JsonSerializable(typeof(PortalEntry[]))]
[JsonSerializable(typeof(PortalEntry))]
internal sealed partial class PortalCatalogJsonContext : JsonSerializerContext;
