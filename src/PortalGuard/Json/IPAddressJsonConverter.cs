using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Json;

/// <summary>
/// Writes an <see cref="IPAddress"/> as its text form (<c>10.0.0.1</c>, <c>fd00::1</c>) and reads it back. Without it the
/// serializer would walk the address's properties, some of which throw (<c>ScopeId</c> on IPv4). Put on a property with
/// <see cref="JsonConverterAttribute"/> so every JSON context gets it without registering it.
/// </summary>
internal sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        return IPAddress.TryParse(text, out var address) ? address : throw new JsonException($"'{text}' is not an IP address");
    }

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
