using System.Text.Json;

namespace PortalGuard.EndToEndTests;

/// <summary>
/// Starts Chromium with enterprise policy of the test's own: Chromium on Linux reads policy only from
/// <c>/etc/chromium/policies/managed</c>, so the wrapper runs it in a mount namespace of its own in which a copy of
/// <c>/etc/chromium</c> with the test's policy file is bind-mounted over the real folder. The real <c>/etc/chromium</c> is
/// never written and no other process sees the copy; the mount goes away with the browser's last process.
/// </summary>
internal static class ChromiumWithPolicy
{
    private const string EtcChromium = "/etc/chromium";
    private const string Unshare = "/usr/bin/unshare";

    /// <summary>Why policy cannot be given to Chromium here, or null when it can.</summary>
    public static string? Missing =>
        !File.Exists(Unshare) ? $"{Unshare} not found (util-linux)"
        : !Environment.IsPrivilegedProcess ? "a mount namespace needs root"
        : !Directory.Exists(EtcChromium) ? $"{EtcChromium} does not exist (the chromium package creates it)"
        : null;

    /// <summary>Writes the wrapper and the policy under <paramref name="folder"/> and returns the wrapper's path.</summary>
    /// <param name="extensionPolicy">The extension's managed storage (<c>3rdparty.extensions.&lt;id&gt;</c>), as JSON.</param>
    public static string Prepare(string folder, string extensionId, string extensionPolicy)
    {
        var etc = Path.Combine(folder, "etc-chromium");
        var managed = Path.Combine(etc, "policies", "managed");
        Directory.CreateDirectory(managed);

        // The rest of the real folder (master_preferences, …) is copied so that the browser sees it as before.
        foreach (var file in Directory.EnumerateFiles(EtcChromium))
        {
            File.Copy(file, Path.Combine(etc, Path.GetFileName(file)));
        }

        using (var policy = JsonDocument.Parse(extensionPolicy))
        {
            var text = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["3rdparty"] = new Dictionary<string, object> { ["extensions"] = new Dictionary<string, JsonElement> { [extensionId] = policy.RootElement.Clone() } },
            });
            File.WriteAllText(Path.Combine(managed, "portalguard.json"), text);
        }

        var wrapper = Path.Combine(folder, "chromium-with-policy.sh");
        File.WriteAllText(wrapper, $"""
            #!/bin/sh
            # Chromium in a private mount namespace where {EtcChromium} is the test's copy (see ChromiumWithPolicy.cs).
            exec {Unshare} --mount --propagation private /bin/sh -c 'etc="$1"; chromium="$2"; shift 2; mount --bind "$etc" {EtcChromium} && exec "$chromium" "$@"' wrapper '{etc}' '{PortalFixture.ChromiumPath}' "$@"

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return wrapper;
    }
}
