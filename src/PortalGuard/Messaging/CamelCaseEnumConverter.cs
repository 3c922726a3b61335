using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Messaging;

/// <summary>Writes an enum as a camelCase string (<c>vendorPattern</c>) and reads it back; AOT-safe, unlike the policy-less default.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
