using System.Text.Json.Serialization;

namespace PortalGuard.Install;

/// <summary>Source-generated serialisation of host manifests (no reflection, so NativeAOT stays warning-free).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HostManifest))]
internal sealed partial class HostManifestJsonContext : JsonSerializerContext;
