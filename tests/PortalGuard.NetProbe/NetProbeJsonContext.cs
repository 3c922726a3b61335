using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Network;

namespace PortalGuard.NetProbe;

/// <summary>The posture as the probe prints it and the integration tests read it back.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NetworkPosture))]
public sealed partial class NetProbeJsonContext : JsonSerializerContext;
