namespace PortalGuard.Messaging;

/// <summary>How a native-messaging session ends, as the process exit code. Documented in docs/protocol.md.</summary>
internal static class SessionExitCodes
{
    /// <summary>The browser closed the channel between frames.</summary>
    public const int Closed = 0;

    /// <summary>The host failed unexpectedly.</summary>
    public const int InternalError = 1;

    /// <summary>The caller is not an extension this host serves.</summary>
    public const int OriginNotAllowed = 3;

    /// <summary>A frame over the size limit: the stream cannot be resynchronised.</summary>
    public const int FrameTooLarge = 4;

    /// <summary>The input ended inside a frame.</summary>
    public const int Truncated = 5;
}
