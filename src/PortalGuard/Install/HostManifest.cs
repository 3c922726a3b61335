using System.Text.Json.Serialization;
using PortalGuard.Messaging;

namespace PortalGuard.Install;

/// <summary>A native-messaging host manifest, the JSON file a browser reads to find and trust the host.
/// Chromium browsers list caller origins in <c>allowed_origins</c>; Firefox lists add-on ids in <c>allowed_extensions</c>.</summary>
/// <param name="Path">The executable; browsers on Linux and macOS require an absolute path.</param>
internal sealed record HostManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("allowed_origins")] IReadOnlyList<string>? AllowedOrigins = null,
    [property: JsonPropertyName("allowed_extensions")] IReadOnlyList<string>? AllowedExtensions = null)
{
    public const string StdioType = "stdio";

    public const string DefaultDescription = "PortalGuard: checks a patient portal page before you sign in";

    /// <summary>The manifest for Chrome, Chromium, Edge and Brave.</summary>
    public static HostManifest ForChromium(string executablePath) =>
        new(HostIdentity.HostName, DefaultDescription, executablePath, StdioType, AllowedOrigins: [AllowedCallers.ChromiumOrigin]);

    /// <summary>The manifest for Firefox.</summary>
    public static HostManifest ForFirefox(string executablePath) =>
        new(HostIdentity.HostName, DefaultDescription, executablePath, StdioType, AllowedExtensions: [AllowedCallers.FirefoxAddonId]);

    /// <summary>The file name browsers look for: the host name plus <c>.json</c>.</summary>
    [JsonIgnore]
    public string FileName => Name + ".json";
}
