using PortalGuard.Messaging;

namespace PortalGuard.Tests.Messaging;

public sealed class FrameWriterTests
{
    [Fact]
    public async Task Frame_is_a_little_endian_length_then_the_payload()
    {
        var output = new MemoryStream();
        using var writer = new FrameWriter(output);

        await writer.WriteAsync("{\"a\":1}"u8.ToArray(), CancellationToken.None);

        Assert.Equal(new byte[] { 7, 0, 0, 0 }, output.ToArray()[..4]);
        Assert.Equal(["{\"a\":1}"], Frames.Split(output.ToArray()));
    }

    [Fact]
    public async Task Payload_over_the_limit_is_never_written()
    {
        var output = new MemoryStream();
        using var writer = new FrameWriter(output, maxFrameBytes: 8);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await writer.WriteAsync(new byte[9], CancellationToken.None));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Concurrent_writes_never_interleave()
    {
        var output = new MemoryStream();
        using var writer = new FrameWriter(output);
        var payloads = Enumerable.Range(0, 200).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i},\"pad\":\"{new string('x', i * 7)}\"}}")).ToArray();

        await Task.WhenAll(payloads.Select(p => Task.Run(async () => await writer.WriteAsync(p, CancellationToken.None))));

        var frames = Frames.Split(output.ToArray());
        Assert.Equal(200, frames.Count);
        Assert.All(frames, f => Assert.StartsWith("{\"n\":", f));
    }
}
