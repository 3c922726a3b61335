using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Install;

/// <summary>Source-generated JSON for <c>portalguard doctor --json</c>: camelCase, statuses as camelCase strings.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<DoctorStatus>)])]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext;
