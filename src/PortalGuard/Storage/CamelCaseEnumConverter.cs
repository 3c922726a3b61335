using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Storage;

/// <summary>Writes an enum as its camelCase name (<c>notOffered</c>); a type the source generator can instantiate without reflection.</summary>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
