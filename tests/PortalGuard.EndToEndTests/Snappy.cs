namespace PortalGuard.EndToEndTests;

/// <summary>Snappy decompression (the raw format, as LevelDB stores a compressed block), so a scan reads what a compressed
/// table holds rather than its compressed bytes, where a repeated word can be folded into a back-reference.</summary>
internal static class Snappy
{
    /// <exception cref="InvalidDataException">Not a valid raw Snappy stream.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> input)
    {
        var position = 0;
        var length = checked((int)ReadVarint(input, ref position));
        var output = new byte[length];
        var written = 0;
        while (position < input.Length)
        {
            var tag = input[position++];
            switch (tag & 3)
            {
                case 0:
                    var literal = tag >> 2;
                    if (literal >= 60)
                    {
                        var bytes = literal - 59;
                        literal = 0;
                        for (var i = 0; i < bytes; i++)
                        {
                            literal |= input[position++] << (8 * i);
                        }
                    }

                    literal += 1;
                    Require(position + literal <= input.Length && written + literal <= length);
                    input.Slice(position, literal).CopyTo(output.AsSpan(written));
                    position += literal;
                    written += literal;
                    break;
                case 1:
                    Copy(output, ref written, 4 + ((tag >> 2) & 7), ((tag >> 5) << 8) | input[position++]);
                    break;
                case 2:
                    Copy(output, ref written, (tag >> 2) + 1, input[position] | (input[position + 1] << 8));
                    position += 2;
                    break;
                default:
                    Copy(output, ref written, (tag >> 2) + 1, input[position] | (input[position + 1] << 8) | (input[position + 2] << 16) | (input[position + 3] << 24));
                    position += 4;
                    break;
            }
        }

        Require(written == length);
        return output;
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> input, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            Require(position < input.Length);
            var b = input[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint too long");
    }

    // A copy may overlap what it writes (a run), so it goes byte by byte.
    private static void Copy(byte[] output, ref int written, int length, int offset)
    {
        Require(offset > 0 && offset <= written && written + length <= output.Length);
        for (var i = 0; i < length; i++)
        {
            output[written] = output[written - offset];
            written++;
        }
    }

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("not a valid Snappy stream");
        }
    }
}
