using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Json;

/// <summary>Writes an enum as its camelCase name (<c>notOffered</c>) and reads it back; a type the source generator can instantiate without reflection. Shared by every JSON context.</summary>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
