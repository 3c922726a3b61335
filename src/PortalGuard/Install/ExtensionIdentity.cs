namespace PortalGuard.Install;

/// <summary>The names that tie the browser extension and the host together. They are fixed: the extension's
/// Chromium id comes from the public key in its manifest, the Firefox id from its <c>browser_specific_settings</c>.</summary>
internal static class ExtensionIdentity
{
    /// <summary>The native-messaging host name the extension connects to.</summary>
    public const string HostName = "com.portalguard.host";

    /// <summary>The extension's id in Chrome, Chromium, Edge and Brave.</summary>
    public const string ChromiumExtensionId = "jmiahmlkaajnbmiihmbhdcjlennoiaoh";

    /// <summary>The caller origin Chromium browsers pass to the host, and list in <c>allowed_origins</c>.</summary>
    public const string ChromiumOrigin = "chrome-extension://" + ChromiumExtensionId + "/";

    /// <summary>The add-on id Firefox passes to the host, and lists in <c>allowed_extensions</c>.</summary>
    public const string FirefoxAddonId = "portalguard@portalguard.org";

    /// <summary>The host executable's file name without extension; a manifest pointing to a file of this name is ours.</summary>
    public const string ExecutableName = "portalguard";
}
