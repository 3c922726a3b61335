namespace PortalGuard.Messaging;

/// <summary>The two ways browsers launch a native-messaging host.</summary>
internal enum BrowserFamily
{
    Chromium,
    Firefox,
}
