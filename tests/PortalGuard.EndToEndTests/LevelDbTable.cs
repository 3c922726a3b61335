using System.Buffers.Binary;

namespace PortalGuard.EndToEndTests;

/// <summary>The data blocks of a LevelDB table file (<c>.ldb</c>/<c>.sst</c>), decompressed: Chromium keeps extension
/// storage, IndexedDB, Local Storage and service-worker records in LevelDB, whose tables may be Snappy-compressed.</summary>
internal static class LevelDbTable
{
    private const int FooterLength = 48;
    private const ulong Magic = 0xdb4775248b80fb57;

    /// <summary>Every block the table's index names (and the index and meta-index themselves), uncompressed.</summary>
    /// <exception cref="InvalidDataException">Not a LevelDB table, or a block compressed some other way.</exception>
    public static List<byte[]> ReadBlocks(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < FooterLength || BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(file.Length - 8)) != Magic)
        {
            throw new InvalidDataException("not a LevelDB table (no magic number at its end)");
        }

        var footer = file.AsSpan(file.Length - FooterLength);
        var position = 0;
        var metaIndex = ReadHandle(footer, ref position);
        var index = ReadHandle(footer, ref position);

        var blocks = new List<byte[]> { ReadBlock(file, metaIndex), ReadBlock(file, index) };
        foreach (var handleBytes in EntryValues(blocks[1]))
        {
            var at = 0;
            blocks.Add(ReadBlock(file, ReadHandle(handleBytes, ref at)));
        }

        return blocks;
    }

    private static (int Offset, int Size) ReadHandle(ReadOnlySpan<byte> bytes, ref int position) =>
        (checked((int)Snappy.ReadVarint(bytes, ref position)), checked((int)Snappy.ReadVarint(bytes, ref position)));

    private static byte[] ReadBlock(byte[] file, (int Offset, int Size) handle)
    {
        if (handle.Offset < 0 || handle.Size < 0 || (long)handle.Offset + handle.Size + 5 > file.Length)
        {
            throw new InvalidDataException("a block handle points outside the table");
        }

        var contents = file.AsSpan(handle.Offset, handle.Size);
        return file[handle.Offset + handle.Size] switch
        {
            0 => contents.ToArray(),
            1 => Snappy.Decompress(contents),
            var other => throw new InvalidDataException($"a block compressed with type {other}, which this scan cannot read"),
        };
    }

    /// <summary>The values of a block's entries (for the index block: the handles of the data blocks).</summary>
    private static List<byte[]> EntryValues(byte[] block)
    {
        var restarts = (int)BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(block.Length - 4));
        var end = block.Length - (4 * (restarts + 1));
        var values = new List<byte[]>();
        var position = 0;
        while (position < end)
        {
            _ = Snappy.ReadVarint(block, ref position); // shared key bytes
            var unshared = checked((int)Snappy.ReadVarint(block, ref position));
            var valueLength = checked((int)Snappy.ReadVarint(block, ref position));
            position += unshared;
            values.Add(block.AsSpan(position, valueLength).ToArray());
            position += valueLength;
        }

        return values;
    }
}
