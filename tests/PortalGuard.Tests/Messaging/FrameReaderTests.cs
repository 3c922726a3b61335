using System.Text;
using PortalGuard.Messaging;

namespace PortalGuard.Tests.Messaging;

public sealed class FrameReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Frames_arriving_in_pieces_are_read_whole(int chunk)
    {
        var input = Frames.Concat(Frames.Of("""{"id":1,"type":"hello"}"""), Frames.Of("""{"id":2}"""));
        var reader = new FrameReader(new TrickleStream(input, chunk));

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.Frame, first.Status);
        Assert.Equal("""{"id":1,"type":"hello"}""", Encoding.UTF8.GetString(first.Payload));
        Assert.Equal("""{"id":2}""", Encoding.UTF8.GetString(second.Payload));
    }

    [Fact]
    public async Task End_of_input_between_frames_is_a_clean_close()
    {
        var reader = new FrameReader(new TrickleStream(Frames.Of("{}"), 2));

        await reader.ReadAsync(CancellationToken.None);
        var result = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.EndOfInput, result.Status);
    }

    [Fact]
    public async Task Empty_input_is_a_clean_close()
    {
        var result = await new FrameReader(new MemoryStream()).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.EndOfInput, result.Status);
    }

    [Theory]
    [InlineData(new byte[] { 5 })]
    [InlineData(new byte[] { 5, 0, 0 })]
    public async Task End_of_input_inside_the_length_prefix_is_truncated(byte[] input)
    {
        var result = await new FrameReader(new MemoryStream(input)).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.Truncated, result.Status);
    }

    [Fact]
    public async Task End_of_input_inside_the_body_is_truncated()
    {
        var input = Frames.Concat(Frames.Header(10), Encoding.UTF8.GetBytes("{\"id\""));

        var result = await new FrameReader(new TrickleStream(input, 2)).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.Truncated, result.Status);
        Assert.Equal(10, result.DeclaredLength);
    }

    [Fact]
    public async Task Frame_longer_than_limit_is_refused_without_reading_it()
    {
        var body = new byte[2048];
        var stream = new TrickleStream(Frames.Concat(Frames.Header((uint)body.Length), body), 4096);

        var result = await new FrameReader(stream, maxFrameBytes: 1024).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.TooLarge, result.Status);
        Assert.Equal(2048, result.DeclaredLength);
        Assert.Equal(4, stream.BytesRead);
    }

    [Fact]
    public async Task Largest_uint32_length_is_refused_not_allocated()
    {
        var result = await new FrameReader(new MemoryStream(Frames.Header(uint.MaxValue))).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.TooLarge, result.Status);
        Assert.Equal(uint.MaxValue, result.DeclaredLength);
    }

    [Fact]
    public async Task Frame_of_exactly_the_limit_is_read()
    {
        var body = Encoding.UTF8.GetBytes("\"" + new string('a', 1022) + "\"");

        var result = await new FrameReader(new MemoryStream(Frames.Of(body)), maxFrameBytes: 1024).ReadAsync(CancellationToken.None);

        Assert.Equal(FrameReadStatus.Frame, result.Status);
        Assert.Equal(1024, result.Payload.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public void Read_on_the_calling_thread_reads_frames_whole_then_the_clean_close(int chunk)
    {
        var reader = new FrameReader(new TrickleStream(Frames.Concat(Frames.Of("""{"id":1,"type":"hello"}"""), Frames.Of("{}")), chunk));

        var first = reader.Read();
        var second = reader.Read();
        var end = reader.Read();

        Assert.Equal("""{"id":1,"type":"hello"}""", Encoding.UTF8.GetString(first.Payload));
        Assert.Equal("{}", Encoding.UTF8.GetString(second.Payload));
        Assert.Equal(FrameReadStatus.EndOfInput, end.Status);
    }

    [Fact]
    public void Read_on_the_calling_thread_refuses_a_frame_over_the_limit_without_reading_it()
    {
        var stream = new TrickleStream(Frames.Concat(Frames.Header(2048), new byte[2048]), 4096);

        var result = new FrameReader(stream, maxFrameBytes: 1024).Read();

        Assert.Equal(FrameReadStatus.TooLarge, result.Status);
        Assert.Equal(4, stream.BytesRead);
    }

    [Fact]
    public void Read_on_the_calling_thread_reports_input_ending_inside_a_frame()
    {
        var result = new FrameReader(new MemoryStream(Frames.Concat(Frames.Header(10), "{}"u8.ToArray()))).Read();

        Assert.Equal(FrameReadStatus.Truncated, result.Status);
        Assert.Equal(10, result.DeclaredLength);
    }
}
