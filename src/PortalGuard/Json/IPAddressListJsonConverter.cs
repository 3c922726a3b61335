using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalGuard.Json;

/// <summary>A list of addresses as an array of their text forms; see <see cref="IPAddressJsonConverter"/>.</summary>
internal sealed class IPAddressListJsonConverter : JsonConverter<IReadOnlyList<IPAddress>>
{
    private static readonly IPAddressJsonConverter Element = new();

    public override IReadOnlyList<IPAddress> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array of IP addresses");
        }

        var addresses = new List<IPAddress>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            addresses.Add(Element.Read(ref reader, typeof(IPAddress), options) ?? throw new JsonException("null in a list of IP addresses"));
        }

        return addresses;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IPAddress> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var address in value)
        {
            Element.Write(writer, address, options);
        }

        writer.WriteEndArray();
    }
}
