using System.Text;
using System.Text.Json;

namespace PortalGuard.EndToEndTests;

/// <summary>Every byte of a set of files, read back and searched for planted words in the forms a program could have
/// written them: UTF-8, UTF-16LE (as SQLite or Chromium may store text), URL-encoded and percent-encoded byte by byte;
/// ASCII case ignored. LevelDB tables are also searched decompressed.</summary>
internal sealed class WrittenBytesScan
{
    private readonly List<ScannedFile> _files = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<ScannedFile> Files => _files;

    public long TotalBytes => _files.Sum(f => (long)f.Length);

    /// <summary>Every file under <paramref name="folder"/>, if it exists.</summary>
    public void AddFolder(string area, string folder, string relativeTo)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            AddFile(area, file, relativeTo);
        }
    }

    public void AddFile(string area, string path, string relativeTo)
    {
        if (!_seen.Add(Path.GetFullPath(path)))
        {
            return;
        }

        byte[] bytes;
        try
        {
            // Read while the browser and the host may still be writing: never lock them out.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return; // Removed between listing and reading (a LevelDB compaction, a checkpointed WAL).
        }

        Add(area, Path.GetRelativePath(relativeTo, path), bytes);
    }

    /// <summary>One JSON value inside a larger file (the extension's own part of the browser's preferences).</summary>
    public void AddJsonValue(string area, string path, string relativeTo, params string[] propertyPath)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var element = document.RootElement;
        foreach (var name in propertyPath)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return;
            }
        }

        Add(area, Path.GetRelativePath(relativeTo, path) + "#" + string.Join('.', propertyPath), Encoding.UTF8.GetBytes(element.GetRawText()));
    }

    /// <summary>Where any of the markers appears, one line per find; empty when none does.</summary>
    public List<string> Find(IEnumerable<(string Kind, string Value)> markers)
    {
        var needles = markers.SelectMany(m => Forms(m.Value).Select(f => (m.Kind, m.Value, f.Form, f.Bytes))).ToList();
        var found = new List<string>();
        foreach (var file in _files)
        {
            foreach (var (view, content) in file.Views)
            {
                foreach (var (kind, value, form, bytes) in needles)
                {
                    var at = content.AsSpan().IndexOf(bytes);
                    if (at >= 0)
                    {
                        found.Add($"{kind} '{value}' ({form}) in {file.Area}: {file.Name} [{view}] at byte {at}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="text"/> appears (UTF-8, case ignored) in a file that satisfies <paramref name="where"/>.</summary>
    public bool Contains(Func<ScannedFile, bool> where, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text.ToLowerInvariant());
        return _files.Where(where).Any(f => f.Views.Any(v => v.Content.AsSpan().IndexOf(needle) >= 0));
    }

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var area in _files.GroupBy(f => f.Area, StringComparer.Ordinal))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{area.Key}: {area.Count()} files, {area.Sum(f => (long)f.Length)} bytes").AppendLine();
            foreach (var file in area)
            {
                var decoded = file.Views.Count > 1 ? $" (+{file.Views.Count - 1} LevelDB blocks decompressed)" : string.Empty;
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    {file.Length,9} {file.Name}{decoded}").AppendLine();
            }
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"total: {_files.Count} files, {TotalBytes} bytes");
        return text.ToString();
    }

    private void Add(string area, string name, byte[] bytes)
    {
        var views = new List<(string, byte[])> { ("raw", FoldCase(bytes)) };
        if (name.EndsWith(".ldb", StringComparison.Ordinal) || name.EndsWith(".sst", StringComparison.Ordinal))
        {
            // A table that cannot be decoded fails the scan: it is bytes this scan could not honestly read.
            var blocks = LevelDbTable.ReadBlocks(bytes);
            views.AddRange(blocks.Select((b, i) => ($"block {i}", FoldCase(b))));
        }

        _files.Add(new ScannedFile(area, name, bytes.Length, views));
    }

    private static IEnumerable<(string Form, byte[] Bytes)> Forms(string marker)
    {
        var lower = marker.ToLowerInvariant();
        var utf8 = Encoding.UTF8.GetBytes(lower);
        yield return ("UTF-8", utf8);
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(lower));
        var escaped = Uri.EscapeDataString(lower);
        if (escaped != lower)
        {
            yield return ("URL-encoded", Encoding.ASCII.GetBytes(escaped));
        }

        yield return ("percent-encoded", Encoding.ASCII.GetBytes(string.Concat(utf8.Select(b => "%" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    private static byte[] FoldCase(byte[] bytes)
    {
        var folded = (byte[])bytes.Clone();
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] is >= (byte)'A' and <= (byte)'Z')
            {
                folded[i] = (byte)(folded[i] | 0x20);
            }
        }

        return folded;
    }

    /// <summary>A file read back: where it is, its size, and the byte views searched (raw, and decompressed blocks).</summary>
    public sealed record ScannedFile(string Area, string Name, int Length, IReadOnlyList<(string View, byte[] Content)> Views);
}
