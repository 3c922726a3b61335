namespace PortalGuard.Install;

/// <summary>The names a browser uses to find the host. The extension ids it trusts are in
/// <see cref="Messaging.AllowedCallers"/>.</summary>
internal static class HostIdentity
{
    /// <summary>The native-messaging host name the extension connects to (extension/common/protocol.js says the same).</summary>
    public const string HostName = "com.portalguard.host";

    /// <summary>The host executable's file name without extension; a manifest pointing to a file of this name is ours.</summary>
    public const string ExecutableName = "portalguard";
}
