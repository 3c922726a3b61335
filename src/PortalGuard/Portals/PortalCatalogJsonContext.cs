using System.Text.Json.Serialization;

namespace PortalGuard.Portals;

/// <summary>Source-generated JSON for catalog files: camelCase names, enums as camelCase strings, unknown properties refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    Converters = [typeof(JsonCamelCaseEnumConverter<VpnCompatibility>), typeof(JsonCamelCaseEnumConverter<TwoFactorSupport>)])]
[JsonSerializable(typeof(PortalEntry[]))]
[JsonSerializable(typeof(PortalEntry))]
internal sealed partial class PortalCatalogJsonContext : JsonSerializerContext;
