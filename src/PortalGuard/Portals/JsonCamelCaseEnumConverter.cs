using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Portals;

/// <summary>Writes and reads an enum as a camelCase string (<c>vendorPattern</c>); numbers are refused. Usable from source-generated contexts.</summary>
internal sealed class JsonCamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
