namespace PortalGuard.Fuzz;

/// <summary>
/// A read-only stdin over the fuzz input that hands out short reads, as a pipe does: the frame reader must loop until a
/// frame is complete, and that loop is part of what is fuzzed. The piece sizes are fixed, so a run is reproducible.
/// </summary>
internal sealed class PipeLikeStream(byte[] data) : Stream
{
    // Sizes a pipe really returns: a byte, a header's worth, odd splits, and a full pipe buffer.
    private static readonly int[] PieceSizes = [1, 3, 4, 7, 64, 4096, 65536];

    private int _position;
    private int _reads;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var piece = PieceSizes[_reads++ % PieceSizes.Length];
        var n = Math.Min(Math.Min(piece, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
