namespace PortalGuard.Messaging;

/// <summary>What one attempt to read a frame found.</summary>
internal enum FrameReadStatus
{
    /// <summary>A whole frame was read.</summary>
    Frame,

    /// <summary>The input ended cleanly between frames: the browser closed the channel.</summary>
    EndOfInput,

    /// <summary>The input ended inside a frame (in the length prefix or the body).</summary>
    Truncated,

    /// <summary>The length prefix announced more than the limit; the body was not read.</summary>
    TooLarge,
}
