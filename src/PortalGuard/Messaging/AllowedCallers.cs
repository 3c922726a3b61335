using PortalGuard.Install;

namespace PortalGuard.Messaging;

/// <summary>The extension origins and add-on ids this host serves: PortalGuard's own, plus any an administrator or developer adds.</summary>
internal sealed class AllowedCallers(IReadOnlySet<string> identities)
{
    /// <summary>The Chromium extension id fixed by the <c>key</c> in extension/manifest.json.</summary>
    public const string ChromiumExtensionId = "jmiahmlkaajnbmiihmbhdcjlennoiaoh";

    /// <summary>The Firefox add-on id in extension/manifest.firefox.json.</summary>
    public const string FirefoxAddonId = "portalguard@portalguard.org";

    /// <summary>Extra callers, comma-separated: an unpacked development build or an organisation's re-signed extension.</summary>
    public const string EnvironmentVariable = "PORTALGUARD_ALLOWED_ORIGINS";

    /// <summary>A host manifest is a few hundred bytes; a larger file named as one is not read at all.</summary>
    private const int MaxManifestBytes = 64 * 1024;

    public static string ChromiumOrigin => $"chrome-extension://{ChromiumExtensionId}/";

    public static AllowedCallers FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var identities = new HashSet<string>(StringComparer.Ordinal) { ChromiumOrigin, FirefoxAddonId };
        var extra = getEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(extra))
        {
            foreach (var item in extra.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                identities.Add(item);
            }
        }

        return new AllowedCallers(identities);
    }

    public bool Allows(BrowserCaller caller) => RefusalReason(caller) is null;

    /// <summary>Why <paramref name="caller"/> is not served, as the end of one log sentence; null when it is served.</summary>
    /// <remarks>
    /// Firefox finds a host by the name the add-on asked for, in a file of that name (on Windows a registry value points to the
    /// file, which the installer names the same way), and passes the path of the manifest it has just read. A launch through any other file (another
    /// name, missing, not a manifest, another program's, one that starts some other executable) is not Firefox starting
    /// PortalGuard, whatever add-on id follows it. "PortalGuard's" is the installer's ownership rule.
    /// </remarks>
    public string? RefusalReason(BrowserCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);

        // Chromium writes the origin with a trailing slash; accept a configured one without it too.
        var identity = caller.Identity;
        if (!identities.Contains(identity) && !(caller.Family == BrowserFamily.Chromium && identities.Contains(identity.TrimEnd('/'))))
        {
            return "not an allowed extension";
        }

        if (caller.ManifestPath is not { } manifest)
        {
            return null;
        }

        var shown = manifest.Length <= 300 ? manifest : "(a path too long to show)";
        var expectedName = HostIdentity.HostName + ".json";
        if (!string.Equals(Path.GetFileName(manifest), expectedName, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return $"the manifest path {shown} is not a file named {expectedName}, the only manifest Firefox reads for PortalGuard";
        }

        try
        {
            var file = new FileInfo(manifest);
            if (!file.Exists)
            {
                return $"the manifest path {shown} names no file, and Firefox passes the manifest it has just read";
            }

            if (file.Length > MaxManifestBytes)
            {
                return $"the manifest path {shown} names a file too large to be a host manifest";
            }

            return HostManifestInstaller.IsOurManifest(manifest)
                ? null
                : $"the manifest path {shown} is not a PortalGuard host manifest (name {HostIdentity.HostName}, path to the portalguard executable)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the manifest path {shown} cannot be read ({ex.GetType().Name})";
        }
    }
}
