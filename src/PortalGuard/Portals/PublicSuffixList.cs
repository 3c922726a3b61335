namespace PortalGuard.Portals;

/// <summary>
/// The Public Suffix List (publicsuffix.org) and its matching algorithm: where a registrable domain begins
/// (<c>ucsf.edu</c> in <c>mychart.ucsf.edu</c>, <c>nhs.co.uk</c>... not <c>co.uk</c>).
/// </summary>
/// <remarks>
/// Rules of both the ICANN and the PRIVATE section apply, as in browsers: <c>user.github.io</c> is its own site.
/// Unicode rules are stored in punycode, so every lookup compares ASCII. Lookups slice the host instead of
/// allocating suffix strings.
/// </remarks>
internal sealed class PublicSuffixList
{
    private const string ResourceName = "PortalGuard.Portals.public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixList> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, RuleKinds> _rules;
    private readonly Dictionary<string, RuleKinds>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PublicSuffixList(Dictionary<string, RuleKinds> rules)
    {
        _rules = rules;
        _lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [Flags]
    private enum RuleKinds : byte
    {
        None = 0,

        /// <summary><c>co.uk</c>: this name is a public suffix.</summary>
        Normal = 1,

        /// <summary><c>*.ck</c>, stored under <c>ck</c>: every child of this name is a public suffix.</summary>
        WildcardChildren = 2,

        /// <summary><c>!www.ck</c>, stored under <c>www.ck</c>: this name is not a public suffix after all.</summary>
        Exception = 4,
    }

    /// <summary>The list shipped inside the executable, read on first use.</summary>
    public static PublicSuffixList Default => Embedded.Value;

    /// <summary>Number of rules loaded (wildcard, exception and normal forms of one name count once).</summary>
    public int RuleCount => _rules.Count;

    /// <summary>Reads a list in the publicsuffix.org format: one rule a line, <c>//</c> comments, a rule ends at whitespace.</summary>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new Dictionary<string, RuleKinds>(16384, StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var end = text.IndexOfAny(' ', '\t');
            var rule = end < 0 ? text : text[..end];

            var kind = RuleKinds.Normal;
            if (rule.StartsWith("!", StringComparison.Ordinal))
            {
                kind = RuleKinds.Exception;
                rule = rule[1..];
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                kind = RuleKinds.WildcardChildren;
                rule = rule[2..];
            }

            if (!IdnHostName.TryToAscii(rule.ToString(), out var ascii, out var error))
            {
                throw new FormatException($"Public suffix list line {lineNumber}: {error}");
            }

            rules[ascii] = rules.GetValueOrDefault(ascii) | kind;
        }

        return new PublicSuffixList(rules);
    }

    /// <summary>
    /// The registrable domain ("eTLD+1") of a host: the public suffix and one label before it.
    /// Null for a host that is itself a public suffix (<c>co.uk</c>, <c>github.io</c>), an IP literal or not a valid host name.
    /// </summary>
    /// <param name="asciiHost">A host as <see cref="WebTarget.Host"/> holds it; mixed case, a trailing dot and Unicode are normalised first.</param>
    public string? GetRegistrableDomain(string asciiHost)
    {
        ArgumentNullException.ThrowIfNull(asciiHost);
        if (!TryNormalise(asciiHost, out var host))
        {
            return null;
        }

        var suffixStart = FindPublicSuffixStart(host);
        if (suffixStart == 0)
        {
            return null;
        }

        var labelStart = host.LastIndexOf('.', suffixStart - 2) + 1;
        return host[labelStart..];
    }

    /// <summary>The public suffix of a host (<c>co.uk</c> for <c>nhs.co.uk</c>); the last label when no rule matches (the default rule <c>*</c>).</summary>
    /// <exception cref="ArgumentException">The host is an IP literal or not a valid host name.</exception>
    public string GetPublicSuffix(string asciiHost)
    {
        ArgumentNullException.ThrowIfNull(asciiHost);
        if (!TryNormalise(asciiHost, out var host))
        {
            throw new ArgumentException("Not a domain name: an IP literal or an invalid host name has no public suffix.", nameof(asciiHost));
        }

        return host[FindPublicSuffixStart(host)..];
    }

    /// <summary>True when the host is exactly a public suffix, so nobody's site in particular.</summary>
    public bool IsPublicSuffix(string asciiHost) =>
        TryNormalise(asciiHost, out var host) && FindPublicSuffixStart(host) == 0;

    private static bool TryNormalise(string input, out string host)
    {
        host = input;
        if (input.Contains(':', StringComparison.Ordinal) || !IdnHostName.TryToAscii(input, out var ascii, out _))
        {
            return false;
        }

        host = ascii;
        return !IdnHostName.EndsInNumber(host);
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(PublicSuffixList).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    // Returns the index in host where the public suffix begins (0 when the whole host is a public suffix).
    // The prevailing rule is an exception rule if any matches, else the matching rule with the most labels,
    // else the default rule "*" (the last label).
    private int FindPublicSuffixStart(string host)
    {
        var longestMatch = -1;
        var start = 0;
        while (true)
        {
            var nextDot = host.IndexOf('.', start);
            var kinds = _lookup.TryGetValue(host.AsSpan(start), out var k) ? k : RuleKinds.None;
            if (kinds.HasFlag(RuleKinds.Exception))
            {
                // "!www.ck": the public suffix is the rule without its leftmost label.
                return nextDot + 1;
            }

            if (longestMatch < 0)
            {
                var parentIsWildcard = nextDot >= 0
                    && _lookup.TryGetValue(host.AsSpan(nextDot + 1), out var parentKinds)
                    && parentKinds.HasFlag(RuleKinds.WildcardChildren);
                if (kinds.HasFlag(RuleKinds.Normal) || parentIsWildcard)
                {
                    longestMatch = start;
                }
            }

            if (nextDot < 0)
            {
                break;
            }

            start = nextDot + 1;
        }

        return longestMatch >= 0 ? longestMatch : host.LastIndexOf('.') + 1;
    }
}
