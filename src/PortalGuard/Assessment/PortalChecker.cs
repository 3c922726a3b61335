using PortalGuard.Network;
using PortalGuard.Portals;
using PortalGuard.Storage;

namespace PortalGuard.Assessment;

/// <summary>Gathers the facts for one address (identity, network, settings) and hands them to <see cref="PageAssessor"/>.</summary>
/// <remarks>One path for the extension's <c>assessPage</c> and the command line's <c>check</c>, so both always agree.</remarks>
internal sealed class PortalChecker(StoreHandle store, INetworkPostureProbe networkProbe)
{
    private PortalClassifier? _classifier;

    /// <summary>The catalog in force: the machine policy's extra portals, then the database's (shipped merged with the user's entries), or the embedded one when it is unavailable.</summary>
    public PortalClassifier Classifier => _classifier ??= new PortalClassifier(store.CatalogEntries());

    /// <summary>Forget the catalog so the next check reads it again (after <c>portals add</c>).</summary>
    public void ReloadCatalog() => _classifier = null;

    public PortalIdentity Identify(WebTarget target) => Classifier.Classify(target);

    public async ValueTask<PortalCheck> CheckAsync(WebTarget target, PageSignals signals, bool includeNetwork, CancellationToken cancellationToken)
    {
        var identity = Classifier.Classify(target);

        // Only the catalog's brand words count: whatever else a page says is not evidence of anything.
        var brands = signals.BrandWords.Where(w => Classifier.FindBrandOwner(w.ToLowerInvariant()) is not null).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        signals = signals with { BrandWords = brands };
        string? formActionDomain = null;
        if (signals.FormActionOrigin is { } action && WebTargetParser.TryParse(action, out var actionTarget, out _))
        {
            formActionDomain = Classifier.Classify(actionTarget!).RegistrableDomain ?? actionTarget!.Host;
        }

        NetworkPosture? network = null;
        if (includeNetwork)
        {
            network = await networkProbe.GetPostureAsync([], cancellationToken).ConfigureAwait(false);
        }

        var facts = new AssessmentFacts(target, identity, signals, formActionDomain, network, store.Settings());
        return new PortalCheck(identity.Host, identity.RegistrableDomain, target.Origin, identity, network, PageAssessor.Assess(facts));
    }
}
