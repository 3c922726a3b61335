using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;
using PortalGuard.Tls;

namespace PortalGuard.Assessment;

/// <summary>Gathers the facts for one address (identity, DNS, network, certificate, Wi-Fi, settings) and hands them to <see cref="PageAssessor"/>.</summary>
/// <remarks>One path for the extension's <c>assessPage</c> and the command line's <c>check</c>, so both always agree.</remarks>
internal sealed class PortalChecker(StoreHandle store, GuardProbes probes, TimeProvider time)
{
    private PortalClassifier? _catalog;
    private volatile PortalClassifier? _withManaged;

    /// <summary>The catalog without browser policy: the machine policy's extra portals, then the database's (shipped merged with the user's entries), or the embedded one when it is unavailable.</summary>
    public PortalClassifier Catalog => _catalog ??= new PortalClassifier(store.CatalogEntries());

    /// <summary>What pages are classified with: <see cref="Catalog"/>, plus the browser policy's portals of this session when there are some.</summary>
    public PortalClassifier Classifier => _withManaged ?? Catalog;

    /// <summary>
    /// Adds the portals of the browser's managed storage for this session (in memory only), replacing any sent before.
    /// They come after every catalog entry, so on any overlap the catalog's entry wins (see <see cref="Policy.ManagedPortals"/>).
    /// </summary>
    public void UseManagedPortals(IReadOnlyList<PortalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _withManaged = entries.Count == 0 ? null : new PortalClassifier([.. Catalog.Entries, .. entries]);
    }

    public PortalIdentity Identify(WebTarget target) => Classifier.Classify(target);

    public async ValueTask<PortalCheck> CheckAsync(WebTarget target, PageSignals signals, CancellationToken cancellationToken)
    {
        var identity = Classifier.Classify(target);

        // Only the catalog's brand words count: whatever else a page says is not evidence of anything.
        var brands = signals.BrandWords.Select(w => w.ToLowerInvariant()).Where(w => Classifier.FindBrandOwner(w) is not null).Distinct(StringComparer.Ordinal).ToArray();
        signals = signals with { BrandWords = brands };

        string? formActionDomain = null;
        if (signals.FormActionOrigin is { } action && WebTargetParser.TryParse(action, out var actionTarget, out _))
        {
            // Only its registrable domain is compared: no need to classify it against the whole catalog.
            formActionDomain = PublicSuffixList.Default.GetRegistrableDomain(actionTarget.Host) ?? actionTarget.Host;
        }

        // A frame is judged with the page around it: only the top page's identity is needed (no probe sends traffic for it).
        PortalIdentity? topPage = null;
        if (!signals.TopFrame && signals.TopOrigin is { } top && WebTargetParser.TryParse(top, out var topTarget, out _))
        {
            topPage = Classifier.Classify(topTarget);
        }

        // The portal's own addresses matter (a split tunnel may route them apart); the probes that send traffic only for portals.
        var isPortal = identity.Status is PortalIdentityStatus.Known or PortalIdentityStatus.VendorPattern;
        PortalResolution? resolution = null;
        if (isPortal && !target.IsIpLiteral && probes.Dns is { } dns)
        {
            resolution = await dns.ResolveAsync(target.Host, cancellationToken).ConfigureAwait(false);
        }

        // A hijacked answer says nothing about where the real portal is: then the reference addresses stand in for it.
        var addresses = resolution is { Outcome: ResolutionOutcome.Resolved, Suspicious: false } ? resolution.Addresses : [];
        var network = await probes.Network.GetPostureAsync(addresses, cancellationToken).ConfigureAwait(false);

        TlsFacts? tls = null;
        CertificateObservation? history = null;
        if (isPortal && target.IsHttps && probes.Tls is { } tlsProbe && resolution is not { Suspicious: true })
        {
            tls = await tlsProbe.ProbeAsync(target.Host, addresses.Count > 0 ? addresses : null, cancellationToken).ConfigureAwait(false);

            // Only a valid certificate is remembered: an interceptor's key must never become the one to compare with.
            if (tls is { Valid: true, SpkiSha256: { } spki } && store.Store is { } s)
            {
                history = s.Certificates.Observe(target.Host, target.Port, spki, time.GetUtcNow());
            }
        }

        var wifi = isPortal && probes.Wifi is { } wifiProbe ? await wifiProbe.GetWifiAsync(cancellationToken).ConfigureAwait(false) : null;

        var facts = new AssessmentFacts(target, identity, signals, formActionDomain, network, store.Settings())
        {
            Resolution = resolution,
            Tls = tls,
            CertificateHistory = history,
            Wifi = wifi,
            TopPage = topPage,
        };
        return new PortalCheck(identity.Host, identity.RegistrableDomain, target.Origin, identity, network, PageAssessor.Assess(facts))
        {
            Dns = resolution,
            Tls = tls,
            Wifi = wifi,
        };
    }
}
