namespace PortalGuard.Portals;

/// <summary>
/// Finds hosts that imitate a catalog portal: homographs (same confusable skeleton), one-character edits of a
/// distinctive label, a catalog name embedded in another domain, a brand joined to "login"/"secure"/..., and a brand's
/// domain under another public suffix.
/// </summary>
/// <remarks>
/// Modelled on Chrome's lookalike-URL checks, with its false-positive filters: a registrable domain that belongs to a
/// catalog organisation is never a lookalike (only that organisation names hosts under it); edit distance applies only to
/// labels of at least 5 characters that are portal brands, or at least 8 for other organisations' labels (short ordinary
/// words such as "patient" have innocent neighbours: "patent"); a difference of one digit for another ("site45"/"site35")
/// is not an imitation. Every lookup is a hash probe per label, token or deletion, so the cost does not grow with the catalog.
/// </remarks>
internal sealed class LookalikeDetector
{
    private const int MinBrandEditLength = 5;
    private const int MinOrganisationEditLength = 8;
    private const int MinDomainlessBrandEditLength = 7;

    // Words that turn a brand into a phishing name when joined to it (combo-squatting).
    private static readonly string[] ComboWords =
    [
        "login", "logon", "signin", "signon", "secure", "security", "verify", "verification", "account", "accounts",
        "update", "updates", "auth", "password", "confirm",
    ];

    private readonly PublicSuffixList _suffixes;
    private readonly ConfusableSkeleton _skeleton;
    private readonly HashSet<string> _catalogRegistrables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LabelTarget>> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LabelTarget>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabelTarget> _brandDomains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabelTarget> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmbeddedName> _embedded = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _embeddedTokenCounts = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly Dictionary<string, HostTarget> _hostSkeletons = new(StringComparer.Ordinal);
    private readonly HashSet<string> _comboWords;

    /// <param name="entries">Catalog entries, highest priority first (on overlap the first one is named).</param>
    /// <param name="brandWords">Brand words per entry id, in addition to the entries' label patterns.</param>
    public LookalikeDetector(
        IEnumerable<PortalEntry> entries,
        IReadOnlyDictionary<string, string[]> brandWords,
        PublicSuffixList suffixes,
        ConfusableSkeleton skeleton)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(brandWords);
        _suffixes = suffixes;
        _skeleton = skeleton;
        _comboWords = new HashSet<string>(ComboWords.Select(skeleton.Skeleton), StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            var brands = new HashSet<string>(entry.LabelPatterns, StringComparer.Ordinal);
            if (brandWords.TryGetValue(entry.Id, out var words))
            {
                brands.UnionWith(words);
            }

            // Platform suffixes first: a product lives there (HealtheLife on iqhealth.com), exact hosts are single instances.
            var brandDomainsOfEntry = new List<(string Label, string Domain)>();
            foreach (var (name, isSuffix) in entry.PlatformSuffixes.Select(s => (s, true)).Concat(entry.Hosts.Select(h => (h, false))))
            {
                AddName(entry, name, isSuffix, brands, brandDomainsOfEntry);
            }

            // What a brand without a domain of its own imitates: the entry's brand domain ("kaiser" → kaiserpermanente.org),
            // else its one home when it has no label pattern ("myhealthevet" → myhealth.va.gov), else the brand itself
            // ("mychart" lives on many organisations' domains).
            var home = brandDomainsOfEntry.Count > 0
                ? brandDomainsOfEntry[0].Domain
                : entry.LabelPatterns.Count == 0 ? entry.PlatformSuffixes.Concat(entry.Hosts).FirstOrDefault() : null;

            foreach (var brand in brands)
            {
                var own = brandDomainsOfEntry.Find(b => b.Label == brand).Domain;
                var imitated = own ?? home ?? brand;
                var edits = brand.Length >= MinDomainlessBrandEditLength ? EditAllowance.SwapOrReplace : EditAllowance.None;
                var target = new LabelTarget(brand, _skeleton.Skeleton(brand), imitated, entry, edits);
                _brands.TryAdd(target.Skeleton, target);
                if (!_labels.ContainsKey(target.Skeleton))
                {
                    AddLabelTarget(target);
                }
            }
        }
    }

    /// <summary>The imitation a host is, or null. The host must not be a catalog host (classify exact matches first).</summary>
    /// <param name="asciiHost">Normalised host, as in <see cref="WebTarget.Host"/>.</param>
    /// <param name="registrableDomain">Its registrable domain by the Public Suffix List; null for IP literals and bare suffixes.</param>
    public LookalikeMatch? Find(string asciiHost, string? registrableDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiHost);
        if (registrableDomain is null || _catalogRegistrables.Contains(registrableDomain))
        {
            return null;
        }

        // The labels someone chose (everything before the public suffix), decoded from punycode and skeletonised.
        var suffixLabels = registrableDomain.AsSpan(registrableDomain.IndexOf('.') + 1).Count('.') + 1;
        var asciiLabels = asciiHost.Split('.');
        var ownCount = asciiLabels.Length - suffixLabels;
        var ownSkeletons = new string[ownCount];
        for (var i = 0; i < ownCount; i++)
        {
            ownSkeletons[i] = _skeleton.Skeleton(IdnHostName.ToUnicode(asciiLabels[i]));
        }

        var registrableLabel = asciiLabels[ownCount - 1];
        var registrableSkeleton = ownSkeletons[^1];

        return FindEmbedding(ownSkeletons)
            ?? FindHostHomograph(asciiLabels, ownSkeletons)
            ?? FindLabelHomograph(registrableLabel, registrableSkeleton)
            ?? FindSuffixVariant(registrableLabel, registrableDomain)
            ?? FindEditDistance(registrableSkeleton)
            ?? FindCombo(ownSkeletons);
    }

    // "mychart.ucsf.edu.login-check.net", "kaiserpermanente-org.com": a catalog name as consecutive labels or hyphen-joined words.
    private LookalikeMatch? FindEmbedding(string[] ownSkeletons)
    {
        var tokens = ownSkeletons.SelectMany(label => label.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToArray();

        // Longest catalog names first, so "mychart.ucsf.edu" is named rather than "ucsf.edu"; one probe per start and length.
        foreach (var count in _embeddedTokenCounts)
        {
            for (var i = 0; i + count <= tokens.Length; i++)
            {
                if (_embedded.TryGetValue(string.Join('.', tokens, i, count), out var name))
                {
                    return new LookalikeMatch(name.Imitated, name.Portal, LookalikeKind.TargetEmbedding);
                }
            }
        }

        return null;
    }

    // A whole host that looks like a catalog host or a host on a vendor platform: "barn-hs.iqhеalth.com" (Cyrillic е).
    private LookalikeMatch? FindHostHomograph(string[] asciiLabels, string[] ownSkeletons)
    {
        var skeletonLabels = new string[asciiLabels.Length];
        for (var i = 0; i < asciiLabels.Length; i++)
        {
            skeletonLabels[i] = i < ownSkeletons.Length ? ownSkeletons[i] : _skeleton.Skeleton(IdnHostName.ToUnicode(asciiLabels[i]));
        }

        for (var start = 0; start < skeletonLabels.Length - 1; start++)
        {
            var candidate = string.Join('.', skeletonLabels, start, skeletonLabels.Length - start);
            if (_hostSkeletons.TryGetValue(candidate, out var target) && (start == 0 || target.MatchesSubdomains))
            {
                return new LookalikeMatch(target.Name, target.Portal, LookalikeKind.Homograph);
            }
        }

        return null;
    }

    // The registrable label looks like a catalog label or brand but is spelled differently: "heal0w.com", "rnychart.com",
    // "xn--mychrt-6nf.com"; or differs only by hyphens: "follow-my-health.com".
    private LookalikeMatch? FindLabelHomograph(string registrableLabel, string registrableSkeleton)
    {
        if (_labels.TryGetValue(registrableSkeleton, out var targets))
        {
            foreach (var target in targets)
            {
                if (!string.Equals(target.Label, registrableLabel, StringComparison.Ordinal))
                {
                    return new LookalikeMatch(target.Imitated, target.Portal, LookalikeKind.Homograph);
                }
            }
        }

        if (registrableSkeleton.Contains('-', StringComparison.Ordinal)
            && _labels.TryGetValue(registrableSkeleton.Replace("-", string.Empty, StringComparison.Ordinal), out var dehyphenated))
        {
            return new LookalikeMatch(dehyphenated[0].Imitated, dehyphenated[0].Portal, LookalikeKind.EditDistance);
        }

        return null;
    }

    // "followmyhealth.net": a brand's own domain name under another public suffix.
    private LookalikeMatch? FindSuffixVariant(string registrableLabel, string registrableDomain)
    {
        return _brandDomains.TryGetValue(registrableLabel, out var target)
            && !string.Equals(target.Imitated, registrableDomain, StringComparison.Ordinal)
            ? new LookalikeMatch(target.Imitated, target.Portal, LookalikeKind.SuffixVariant)
            : null;
    }

    // One insertion, deletion, substitution or adjacent swap away from a distinctive catalog label: "followmyhealht.com".
    // Candidates come from the deletion index (a label and its one-deletion variants), then the exact distance decides.
    private LookalikeMatch? FindEditDistance(string registrableSkeleton)
    {
        var label = registrableSkeleton.Replace("-", string.Empty, StringComparison.Ordinal);
        if (label.Length < MinBrandEditLength - 1)
        {
            return null;
        }

        if (Check(_deletions, label, label) is { } match)
        {
            return match;
        }

        for (var i = 0; i < label.Length; i++)
        {
            var deletion = label.Remove(i, 1);
            if ((Check(_deletions, deletion, label) ?? Check(_labels, deletion, label)) is { } found)
            {
                return found;
            }
        }

        return null;

        static LookalikeMatch? Check(Dictionary<string, List<LabelTarget>> index, string key, string label)
        {
            if (!index.TryGetValue(key, out var targets))
            {
                return null;
            }

            foreach (var target in targets)
            {
                if (target.Edits != EditAllowance.None
                    && IsOneEditAway(label, target.Skeleton)
                    && (target.Edits == EditAllowance.Any || label.Length == target.Skeleton.Length))
                {
                    return new LookalikeMatch(target.Imitated, target.Portal, LookalikeKind.EditDistance);
                }
            }

            return null;
        }
    }

    // "mychart-login.com", "securefollowmyhealth.net", "login.mychart-verify.example": a brand and a lure word in one label.
    private LookalikeMatch? FindCombo(string[] ownSkeletons)
    {
        foreach (var label in ownSkeletons)
        {
            LabelTarget? brand = null;
            var word = false;
            foreach (var token in label.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (_brands.TryGetValue(token, out var whole))
                {
                    brand ??= whole;
                    continue;
                }

                if (_comboWords.Contains(token))
                {
                    word = true;
                    continue;
                }

                foreach (var lure in _comboWords)
                {
                    if (token.Length > lure.Length
                        && ((token.StartsWith(lure, StringComparison.Ordinal) && _brands.TryGetValue(token[lure.Length..], out var joined))
                            || (token.EndsWith(lure, StringComparison.Ordinal) && _brands.TryGetValue(token[..^lure.Length], out joined))))
                    {
                        return new LookalikeMatch(joined.Imitated, joined.Portal, LookalikeKind.ComboSquatting);
                    }
                }
            }

            if (brand is not null && word)
            {
                return new LookalikeMatch(brand.Imitated, brand.Portal, LookalikeKind.ComboSquatting);
            }
        }

        return null;
    }

    // Optimal string alignment distance of exactly one, except a digit replaced by another digit.
    private static bool IsOneEditAway(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || string.Equals(a, b, StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length != b.Length)
        {
            var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
            return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix));
        }

        if (a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1)))
        {
            return !(char.IsAsciiDigit(a[prefix]) && char.IsAsciiDigit(b[prefix]));
        }

        return prefix + 1 < a.Length
            && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
    }

    private void AddName(PortalEntry entry, string name, bool isSuffix, HashSet<string> brands, List<(string Label, string Domain)> brandDomainsOfEntry)
    {
        var registrable = _suffixes.GetRegistrableDomain(name);
        if (registrable is null)
        {
            return;
        }

        _catalogRegistrables.Add(registrable);
        _hostSkeletons.TryAdd(SkeletonOfHost(name), new HostTarget(name, entry, isSuffix));

        // A look-alike of the organisation's registrable domain imitates it whatever the subdomain: "www.ucsf.еdu".
        _hostSkeletons.TryAdd(SkeletonOfHost(registrable), new HostTarget(registrable, entry, MatchesSubdomains: true));
        AddEmbedded(name, entry);
        AddEmbedded(registrable, entry);

        var label = registrable[..registrable.IndexOf('.')];
        var isBrand = brands.Contains(label);
        var target = new LabelTarget(
            label,
            _skeleton.Skeleton(IdnHostName.ToUnicode(label)),
            registrable,
            entry,
            label.Length >= (isBrand ? MinBrandEditLength : MinOrganisationEditLength) ? EditAllowance.Any : EditAllowance.None);

        if (_labels.TryGetValue(target.Skeleton, out var existing) && existing.Exists(t => t.Imitated == registrable))
        {
            return;
        }

        AddLabelTarget(target);
        if (isBrand)
        {
            _brandDomains.TryAdd(label, target);
            brandDomainsOfEntry.Add((label, registrable));
        }
    }

    private void AddLabelTarget(LabelTarget target)
    {
        Add(_labels, target.Skeleton, target);
        if (target.Edits == EditAllowance.None)
        {
            return;
        }

        for (var i = 0; i < target.Skeleton.Length; i++)
        {
            Add(_deletions, target.Skeleton.Remove(i, 1), target);
        }
    }

    private void AddEmbedded(string name, PortalEntry entry)
    {
        var tokens = SkeletonOfHost(name).Split(['.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (_embedded.TryAdd(string.Join('.', tokens), new EmbeddedName(name, entry)))
        {
            _embeddedTokenCounts.Add(tokens.Length);
        }
    }

    private string SkeletonOfHost(string asciiHost) =>
        string.Join('.', asciiHost.Split('.').Select(label => _skeleton.Skeleton(IdnHostName.ToUnicode(label))));

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private enum EditAllowance
    {
        /// <summary>Too short or too ordinary: only a homograph counts.</summary>
        None,

        /// <summary>A domainless brand such as "mychart": a swap or a replacement counts, but its insertions and deletions are everyday words ("mychat", "mycart").</summary>
        SwapOrReplace,

        /// <summary>Any one edit counts (Chrome's rule).</summary>
        Any,
    }

    private sealed record LabelTarget(string Label, string Skeleton, string Imitated, PortalEntry Portal, EditAllowance Edits);

    private sealed record EmbeddedName(string Imitated, PortalEntry Portal);

    private sealed record HostTarget(string Name, PortalEntry Portal, bool MatchesSubdomains);
}
