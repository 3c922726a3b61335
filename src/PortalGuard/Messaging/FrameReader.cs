using System.Buffers.Binary;

namespace PortalGuard.Messaging;

/// <summary>Reads native-messaging frames: a uint32 little-endian length, then that many bytes of UTF-8 JSON.</summary>
/// <remarks>A pipe delivers a frame in as many pieces as it likes, so every read loops until the frame is complete.</remarks>
internal sealed class FrameReader(Stream input, int maxFrameBytes = NativeMessagingLimits.MaxIncomingFrameBytes)
{
    private readonly byte[] _header = new byte[NativeMessagingLimits.HeaderBytes];

    public async ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        var headerRead = await ReadFullyAsync(_header, cancellationToken).ConfigureAwait(false);
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
        var bodyRead = await ReadFullyAsync(payload, cancellationToken).ConfigureAwait(false);
        return bodyRead < length ? FrameReadResult.Truncated(length) : FrameReadResult.Frame(payload);
    }

    private async ValueTask<int> ReadFullyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await input.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
