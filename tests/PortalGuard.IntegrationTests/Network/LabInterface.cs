using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>An interface as <c>portalguard status --json</c> reports it: its name and tunnel kind (<c>none</c>, <c>wireguard</c>, <c>openvpn</c>, …).</summary>
internal sealed record LabInterface(string Name, string Kind)
{
    public static LabInterface? From(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var nic) && nic.ValueKind == JsonValueKind.Object
            ? new LabInterface(nic.GetProperty("name").GetString()!, nic.GetProperty("kind").GetString()!)
            : null;
}
