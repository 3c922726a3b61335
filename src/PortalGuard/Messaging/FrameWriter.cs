using System.Buffers.Binary;

namespace PortalGuard.Messaging;

/// <summary>Writes native-messaging frames. Safe to call from several tasks: replies and pushed events never interleave.</summary>
internal sealed class FrameWriter(Stream output, int maxFrameBytes = NativeMessagingLimits.MaxOutgoingFrameBytes) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public int MaxFrameBytes => maxFrameBytes;

    /// <summary>Writes one frame. A payload over the limit is a programming error: the dispatcher replaces such replies first.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > maxFrameBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, $"A reply may not exceed {maxFrameBytes} bytes.");
        }

        // Header and body go out in one write so that a reader never sees a header without its body.
        var frame = new byte[NativeMessagingLimits.HeaderBytes + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame.AsMemory(NativeMessagingLimits.HeaderBytes));

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
