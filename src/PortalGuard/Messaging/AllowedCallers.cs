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

    public bool Allows(BrowserCaller caller)
    {
        // Chromium writes the origin with a trailing slash; accept a configured one without it too.
        var identity = caller.Identity;
        return identities.Contains(identity)
            || (caller.Family == BrowserFamily.Chromium && identities.Contains(identity.TrimEnd('/')));
    }
}
