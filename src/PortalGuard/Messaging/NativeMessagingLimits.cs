namespace PortalGuard.Messaging;

/// <summary>The size limits of the native-messaging channel, as the browsers define them and as PortalGuard narrows them.</summary>
internal static class NativeMessagingLimits
{
    /// <summary>Browser → host. Chrome allows 64 MiB, but PortalGuard's requests are small: anything over 1 MiB is refused unread.</summary>
    public const int MaxIncomingFrameBytes = 1024 * 1024;

    /// <summary>Host → browser. Chrome and Firefox drop the connection on a larger message.</summary>
    public const int MaxOutgoingFrameBytes = 1024 * 1024;

    /// <summary>
    /// The longest request <c>id</c> echoed (characters of a string, or of a number as written). An id is the extension's
    /// counter; a longer one could push even an error reply past the browsers' limit, so it is refused, not echoed.
    /// </summary>
    public const int MaxIdLength = 256;

    /// <summary>The length prefix: a uint32 in native byte order, little-endian on every supported platform.</summary>
    public const int HeaderBytes = 4;
}
