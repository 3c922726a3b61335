namespace PortalGuard.Messaging;

/// <summary>The outcome of <see cref="FrameReader.ReadAsync"/>: a frame's payload, or why there is none.</summary>
/// <param name="DeclaredLength">The length prefix as read (for <see cref="FrameReadStatus.TooLarge"/> and <see cref="FrameReadStatus.Truncated"/>).</param>
internal readonly record struct FrameReadResult(FrameReadStatus Status, byte[] Payload, long DeclaredLength)
{
    public static FrameReadResult EndOfInput { get; } = new(FrameReadStatus.EndOfInput, [], 0);

    public static FrameReadResult Frame(byte[] payload) => new(FrameReadStatus.Frame, payload, payload.Length);

    public static FrameReadResult Truncated(long declaredLength) => new(FrameReadStatus.Truncated, [], declaredLength);

    public static FrameReadResult TooLarge(long declaredLength) => new(FrameReadStatus.TooLarge, [], declaredLength);
}
