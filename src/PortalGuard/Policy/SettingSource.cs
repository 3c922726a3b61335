using System.Text.Json.Serialization;
using PortalGuard.Json;

namespace PortalGuard.Policy;

/// <summary>Where the value in force of one setting comes from. Written as <c>default</c>, <c>user</c> or <c>policy</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SettingSource>))]
public enum SettingSource
{
    /// <summary>Nobody set it: the built-in default.</summary>
    Default,

    /// <summary>The user set it (<c>settings set</c>, the extension's options page).</summary>
    User,

    /// <summary>The machine policy forces it; the user cannot change it.</summary>
    Policy,
}
