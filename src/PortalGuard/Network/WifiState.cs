using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Network;

/// <summary>Whether this machine is on a Wi-Fi network.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WifiState>))]
public enum WifiState
{
    /// <summary>Could not be told (no tool to ask, the tool failed, an operating system not covered); <see cref="WifiFacts.Problem"/> says why.</summary>
    Unknown,

    /// <summary>No Wi-Fi connection: no adapter, or one that is not connected.</summary>
    None,

    /// <summary>Connected to a Wi-Fi network.</summary>
    Connected,
}
