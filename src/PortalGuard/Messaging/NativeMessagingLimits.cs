namespace PortalGuard.Messaging;

/// <summary>The size limits of the native-messaging channel, as the browsers define them and as PortalGuard narrows them.</summary>
internal static class NativeMessagingLimits
{
    /// <summary>Browser → host. Chrome allows 64 MiB, but PortalGuard's requests are small: anything over 1 MiB is refused unread.</summary>
    public const int MaxIncomingFrameBytes = 1024 * 1024;

    /// <summary>Host → browser. Chrome and Firefox drop the connection on a larger message.</summary>
    public const int MaxOutgoingFrameBytes = 1024 * 1024;

    /// <summary>The length prefix: a uint32 in native byte order, little-endian on every supported platform.</summary>
    public const int HeaderBytes = 4;
}
