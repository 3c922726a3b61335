using System.Buffers.Binary;
using System.Text;
using Xunit;

namespace PortalGuard.Testing;

/// <summary>Builds and splits native-messaging frames for tests.</summary>
internal static class Frames
{
    public static byte[] Of(string json) => Of(Encoding.UTF8.GetBytes(json));

    public static byte[] Of(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    public static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Splits a byte sequence into frames; fails if it is not exactly a sequence of whole frames.</summary>
    public static List<string> Split(byte[] output)
    {
        var frames = new List<string>();
        var i = 0;
        while (i < output.Length)
        {
            Assert.True(output.Length - i >= 4, "stdout ends inside a length prefix");
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(output.AsSpan(i));
            Assert.True(output.Length - i - 4 >= length, "stdout ends inside a frame");
            frames.Add(Encoding.UTF8.GetString(output, i + 4, length));
            i += 4 + length;
        }

        return frames;
    }

    /// <summary>Reads one whole frame from a live stream; null when the stream ends first.</summary>
    public static async Task<string?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken) < 4)
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header)];
        return await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken) < body.Length
            ? null
            : Encoding.UTF8.GetString(body);
    }
}
