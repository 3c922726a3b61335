using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PortalGuard.Messaging;

namespace PortalGuard.Host.Cli;

/// <summary>Writes <c>--json</c> output: the same source-generated shapes as the protocol, indented. Documented in docs/cli.md.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Indented = new(ProtocolJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for a terminal, not a web page
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, CliJsonContext.Default),
    };

    public static void Write<T>(TextWriter output, T value)
    {
        var typeInfo = (JsonTypeInfo<T>)Indented.GetTypeInfo(typeof(T));
        output.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }
}
