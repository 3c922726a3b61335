using System.Text.Json.Serialization;

namespace PortalGuard.Host.Cli;

/// <summary>Source-generated JSON for shapes only the command line prints; combined with the protocol's context in <see cref="CliJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
