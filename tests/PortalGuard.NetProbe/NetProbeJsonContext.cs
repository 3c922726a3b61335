using System.Text.Json;
using System.Text.Json.Serialization;
using PortalGuard.Network;

namespace PortalGuard.NetProbe;

/// <summary>The posture and resolutions as the probe prints them and the integration tests read them back.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NetworkPosture))]
[JsonSerializable(typeof(PortalResolution))]
public sealed partial class NetProbeJsonContext : JsonSerializerContext;
