using System.Globalization;
using System.Text;

namespace PortalGuard.Portals;

/// <summary>
/// The UTS-39 "skeleton" of a host name, reduced to what matters for ASCII catalog names: every character that Unicode
/// lists as confusable with ASCII letters or digits becomes that ASCII (Cyrillic <c>а</c> → <c>a</c>, <c>1</c> → <c>l</c>,
/// <c>m</c> → <c>rn</c>). Two names with the same skeleton look alike.
/// </summary>
/// <remarks>
/// The table is <c>confusables_skeleton.txt</c> (see README.md in this folder): Unicode's confusables data as Debian
/// packages it, restricted to ASCII prototypes. Characters without an ASCII prototype are kept as they are, so a
/// skeleton of a name in another script never equals an ASCII catalog name by accident.
/// </remarks>
internal sealed class ConfusableSkeleton
{
    private const string ResourceName = "PortalGuard.Portals.confusables_skeleton.txt";

    private static readonly Lazy<ConfusableSkeleton> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<int, string> _prototypes;

    private ConfusableSkeleton(Dictionary<int, string> prototypes) => _prototypes = prototypes;

    /// <summary>The table shipped inside the executable, read on first use.</summary>
    public static ConfusableSkeleton Default => Embedded.Value;

    /// <summary>Number of characters with an ASCII prototype.</summary>
    public int Count => _prototypes.Count;

    /// <summary>Reads lines of the form <c>0430 ; a # CYRILLIC SMALL LETTER A</c>; <c>#</c> starts a comment.</summary>
    public static ConfusableSkeleton Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var prototypes = new Dictionary<int, string>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan();
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                text = text[..hash];
            }

            text = text.Trim();
            if (text.IsEmpty)
            {
                continue;
            }

            var semicolon = text.IndexOf(';');
            if (semicolon < 0
                || !int.TryParse(text[..semicolon].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                || !Rune.IsValid(codePoint)
                || text[(semicolon + 1)..].Trim() is not { IsEmpty: false } prototype)
            {
                throw new FormatException($"Confusables line {lineNumber} is not \"code point ; prototype\".");
            }

            prototypes[codePoint] = prototype.ToString();
        }

        return new ConfusableSkeleton(prototypes);
    }

    /// <summary>The skeleton of a lowercase Unicode name (decode punycode first, see <see cref="IdnHostName.ToUnicode"/>).</summary>
    public string Skeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (_prototypes.TryGetValue(rune.Value, out var prototype))
            {
                builder ??= new StringBuilder(name.Length + 4).Append(name, 0, index);
                builder.Append(prototype);
            }
            else
            {
                builder?.Append(name, index, rune.Utf16SequenceLength);
            }

            index += rune.Utf16SequenceLength;
        }

        return builder?.ToString() ?? name;
    }

    private static ConfusableSkeleton LoadEmbedded()
    {
        using var stream = typeof(ConfusableSkeleton).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }
}
