using System.Buffers.Binary;
using System.Text;

namespace PortalGuard.EndToEndTests;

/// <summary>The privacy audit's scan finds a planted word in every form it claims to read — no browser needed.</summary>
public sealed class WrittenBytesScanTests : IDisposable
{
    private const string Marker = "abcdabcd-q7";

    private readonly string _folder = Directory.CreateTempSubdirectory("pg-scan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("UTF-8", "a log line with abcdabcd-q7 in it")]
    [InlineData("UTF-8", "UPPER CASE: ABCDABCD-Q7")]
    [InlineData("UTF-16LE", "utf16")]
    [InlineData("percent-encoded", "%61%62%63%64%61%62%63%64%2d%71%37")]
    public void Marker_is_found_in_each_encoding(string form, string content)
    {
        var bytes = content == "utf16" ? Encoding.Unicode.GetBytes("x" + Marker + "y") : Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(Path.Combine(_folder, "file"), bytes);
        var scan = new WrittenBytesScan();
        scan.AddFolder("area", _folder, _folder);

        var found = Assert.Single(scan.Find([("secret", Marker)]));
        Assert.Contains($"({form})", found, StringComparison.Ordinal);
    }

    [Fact]
    public void Marker_split_by_a_snappy_back_reference_in_a_LevelDB_table_is_found_once_decompressed()
    {
        // "abcdabcd-q7" compressed: a literal "abcd", a copy of 4 bytes from 4 back, a literal "-q7".
        byte[] data = [11, 0x0C, .. "abcd"u8, 0x01, 0x04, 0x08, .. "-q7"u8];
        byte[] emptyBlock = [0, 0, 0, 0, 1, 0, 0, 0];
        var table = new List<byte>();
        table.AddRange(data);
        table.AddRange([1, 0, 0, 0, 0]); // Snappy, checksum not checked
        var metaIndexOffset = table.Count;
        table.AddRange(emptyBlock);
        table.AddRange([0, 0, 0, 0, 0]);
        var indexOffset = table.Count;
        byte[] handle = [0, (byte)data.Length];
        table.AddRange([0, 1, (byte)handle.Length, (byte)'k', .. handle, 0, 0, 0, 0, 1, 0, 0, 0]);
        var indexLength = table.Count - indexOffset;
        table.AddRange([0, 0, 0, 0, 0]);
        var footer = new byte[48];
        byte[] handles = [(byte)metaIndexOffset, (byte)emptyBlock.Length, (byte)indexOffset, (byte)indexLength];
        handles.CopyTo(footer, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(footer.AsSpan(40), 0xdb4775248b80fb57);
        table.AddRange(footer);
        File.WriteAllBytes(Path.Combine(_folder, "000005.ldb"), [.. table]);

        var scan = new WrittenBytesScan();
        scan.AddFolder("area", _folder, _folder);

        Assert.DoesNotContain(Encoding.ASCII.GetString([.. table]), Marker, StringComparison.Ordinal);
        var found = Assert.Single(scan.Find([("secret", Marker)]));
        Assert.Contains("[block 2]", found, StringComparison.Ordinal);
    }
}
