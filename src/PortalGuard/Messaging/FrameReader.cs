using System.Buffers.Binary;
using System.Diagnostics;

namespace PortalGuard.Messaging;

/// <summary>Reads native-messaging frames: a uint32 little-endian length, then that many bytes of UTF-8 JSON.</summary>
/// <remarks>A pipe delivers a frame in as many pieces as it likes, so every read loops until the frame is complete.</remarks>
internal sealed class FrameReader(Stream input, int maxFrameBytes = NativeMessagingLimits.MaxIncomingFrameBytes)
{
    private readonly byte[] _header = new byte[NativeMessagingLimits.HeaderBytes];

    public ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken) => ReadCoreAsync(synchronous: false, cancellationToken);

    /// <summary>
    /// Reads one frame on the calling thread. The console's asynchronous reads go through the thread pool; the host reads the
    /// browser's first frame with this before it has one.
    /// </summary>
    public FrameReadResult Read()
    {
        var pending = ReadCoreAsync(synchronous: true, CancellationToken.None);
        Debug.Assert(pending.IsCompleted, "Synchronous reads complete before returning.");
        return pending.GetAwaiter().GetResult();
    }

    private async ValueTask<FrameReadResult> ReadCoreAsync(bool synchronous, CancellationToken cancellationToken)
    {
        var headerRead = await ReadFullyAsync(_header, synchronous, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return FrameReadResult.EndOfInput;
        }

        if (headerRead < _header.Length)
        {
            return FrameReadResult.Truncated(-1);
        }

        long length = BinaryPrimitives.ReadUInt32LittleEndian(_header);
        if (length > maxFrameBytes)
        {
            return FrameReadResult.TooLarge(length);
        }

        var payload = new byte[length];
        var bodyRead = await ReadFullyAsync(payload, synchronous, cancellationToken).ConfigureAwait(false);
        return bodyRead < length ? FrameReadResult.Truncated(length) : FrameReadResult.Frame(payload);
    }

    private async ValueTask<int> ReadFullyAsync(Memory<byte> buffer, bool synchronous, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = synchronous
                ? input.Read(buffer.Span[total..])
                : await input.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
