namespace PortalGuard.Portals;

/// <summary>
/// Answers "is this really the portal?" for one host against a catalog: an exact instance or a vendor platform
/// domain is <see cref="PortalIdentityStatus.Known"/>, a vendor's leading label on some organisation's domain is
/// <see cref="PortalIdentityStatus.VendorPattern"/>, an imitation of a catalog name is <see cref="PortalIdentityStatus.Lookalike"/>
/// (see <see cref="LookalikeDetector"/>), an IP literal and everything else is <see cref="PortalIdentityStatus.Unknown"/>.
/// </summary>
/// <remarks>
/// Built once per catalog version; lookups are hash probes per label of the host, so the cost does not grow with the
/// catalog. When entries overlap, a user-defined entry wins over a shipped one, otherwise the earlier entry wins.
/// Immutable after construction and safe to share between threads.
/// </remarks>
internal sealed class PortalClassifier
{
    private readonly PublicSuffixList _suffixes;
    private readonly Dictionary<string, PortalEntry>.AlternateLookup<ReadOnlySpan<char>> _exactHosts;
    private readonly Dictionary<string, PortalEntry>.AlternateLookup<ReadOnlySpan<char>> _platformSuffixes;
    private readonly Dictionary<string, PortalEntry>.AlternateLookup<ReadOnlySpan<char>> _labelPatterns;
    private readonly Dictionary<string, PortalEntry> _brandOwners;
    private readonly LookalikeDetector _lookalikes;

    public PortalClassifier(IReadOnlyList<PortalEntry> entries, PublicSuffixList? suffixes = null, ConfusableSkeleton? skeleton = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _suffixes = suffixes ?? PublicSuffixList.Default;
        Entries = entries;

        var exactHosts = new Dictionary<string, PortalEntry>(StringComparer.Ordinal);
        var platformSuffixes = new Dictionary<string, PortalEntry>(StringComparer.Ordinal);
        var labelPatterns = new Dictionary<string, PortalEntry>(StringComparer.Ordinal);
        _brandOwners = new Dictionary<string, PortalEntry>(StringComparer.Ordinal);

        // User-defined entries first, so that on overlap they are the ones indexed.
        var byPriority = entries.Where(e => e.UserDefined).Concat(entries.Where(e => !e.UserDefined)).ToArray();
        foreach (var entry in byPriority)
        {
            foreach (var host in entry.Hosts)
            {
                exactHosts.TryAdd(host, entry);
            }

            foreach (var suffix in entry.PlatformSuffixes)
            {
                platformSuffixes.TryAdd(suffix, entry);
            }

            foreach (var pattern in entry.LabelPatterns)
            {
                labelPatterns.TryAdd(pattern, entry);
                _brandOwners.TryAdd(pattern, entry);
            }

            if (PortalBrandWords.ByEntryId.TryGetValue(entry.Id, out var words))
            {
                foreach (var word in words)
                {
                    _brandOwners.TryAdd(word, entry);
                }
            }
        }

        _exactHosts = exactHosts.GetAlternateLookup<ReadOnlySpan<char>>();
        _platformSuffixes = platformSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _labelPatterns = labelPatterns.GetAlternateLookup<ReadOnlySpan<char>>();
        BrandWords = [.. _brandOwners.Keys.Order(StringComparer.Ordinal)];
        _lookalikes = new LookalikeDetector(byPriority, PortalBrandWords.ByEntryId, _suffixes, skeleton ?? ConfusableSkeleton.Default);
    }

    /// <summary>The entries this classifier was built from.</summary>
    public IReadOnlyList<PortalEntry> Entries { get; }

    /// <summary>
    /// Lowercase portal brand words (<c>mychart</c>, <c>healthelife</c>, …) for "a portal's name on a domain that is not the
    /// portal": the extension's page check and the assessor's <c>unknown-portal-brand</c> reason.
    /// </summary>
    public IReadOnlyList<string> BrandWords { get; }

    /// <summary>The catalog entry a brand word belongs to, if any.</summary>
    public PortalEntry? FindBrandOwner(string brandWord)
    {
        ArgumentNullException.ThrowIfNull(brandWord);
        return _brandOwners.GetValueOrDefault(brandWord.ToLowerInvariant());
    }

    /// <summary>Classifies a parsed target (see <see cref="WebTargetParser"/>).</summary>
    public PortalIdentity Classify(WebTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var host = target.Host;
        if (target.IsIpLiteral)
        {
            // An address is nobody's brand: portals are recognised by name only.
            return new PortalIdentity(host, RegistrableDomain: null, PortalIdentityStatus.Unknown, Portal: null, LookalikeOf: null);
        }

        var registrable = _suffixes.GetRegistrableDomain(host);

        if (_exactHosts.TryGetValue(host, out var exact))
        {
            return new PortalIdentity(host, registrable, PortalIdentityStatus.Known, exact, LookalikeOf: null);
        }

        // Longest suffix first: "a.portal.athenahealth.com", then "portal.athenahealth.com", then "athenahealth.com", ...
        for (var start = 0; start >= 0 && start < host.Length; start = NextLabel(host, start))
        {
            if (_platformSuffixes.TryGetValue(host.AsSpan(start), out var platform))
            {
                return new PortalIdentity(host, registrable, PortalIdentityStatus.Known, platform, LookalikeOf: null);
            }
        }

        // Before the vendor pattern: "mychart.ucsf.edu.login-check.net" starts with the vendor's label too.
        if (_lookalikes.Find(host, registrable) is { } lookalike)
        {
            return new PortalIdentity(host, registrable, PortalIdentityStatus.Lookalike, lookalike.Portal, lookalike.Imitated);
        }

        // "mychart.example-health.org": the vendor's label on an organisation's own registrable domain. Not when the label
        // is the registrable domain itself ("mychart.github.io" is anyone's), hence the length test.
        var firstDot = host.IndexOf('.', StringComparison.Ordinal);
        if (registrable is not null && firstDot > 0 && host.Length > registrable.Length
            && _labelPatterns.TryGetValue(host.AsSpan(0, firstDot), out var vendor))
        {
            return new PortalIdentity(host, registrable, PortalIdentityStatus.VendorPattern, vendor, LookalikeOf: null);
        }

        return new PortalIdentity(host, registrable, PortalIdentityStatus.Unknown, Portal: null, LookalikeOf: null);
    }

    /// <summary>How a host imitates a portal (for the reason text), or null when it does not; classification already says whether it does.</summary>
    public LookalikeMatch? ExplainLookalike(PortalIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Status == PortalIdentityStatus.Lookalike ? _lookalikes.Find(identity.Host, identity.RegistrableDomain) : null;
    }

    private static int NextLabel(string host, int start)
    {
        var dot = host.IndexOf('.', start);
        return dot < 0 ? -1 : dot + 1;
    }
}
