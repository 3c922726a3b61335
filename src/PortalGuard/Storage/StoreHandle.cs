using PortalGuard.Policy;
using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>The database, or why it cannot be used, with the machine policy over it. The host keeps working (and warning) without a database.</summary>
internal sealed class StoreHandle : IDisposable
{
    private StoreHandle(PortalGuardStore? store, StorageUnavailableException? error, MachinePolicy policy)
    {
        Store = store;
        Error = error;
        Policy = policy;
    }

    public PortalGuardStore? Store { get; }

    public StorageUnavailableException? Error { get; }

    /// <summary>The machine policy in force (<see cref="MachinePolicy.None"/> when there is none).</summary>
    public MachinePolicy Policy { get; }

    /// <summary>Opens the database, merges the shipped catalog and applies the policy's audit retention.</summary>
    /// <param name="policy">The machine policy; none when null (tests, tools).</param>
    public static StoreHandle Open(string dataDirectory, TimeProvider time, MachinePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        policy ??= MachinePolicy.None(string.Empty);
        try
        {
            var store = PortalGuardStore.Open(dataDirectory, time);
            store.Catalog.MergeEmbedded(EmbeddedCatalog.Load());
            if (policy.AuditRetentionDays is { } days)
            {
                store.Audit.Prune(time.GetUtcNow().AddDays(-days));
            }

            return new StoreHandle(store, null, policy);
        }
        catch (StorageUnavailableException ex)
        {
            return new StoreHandle(null, ex, policy);
        }
    }

    /// <summary>The store, or the reason it is unavailable as an exception.</summary>
    public PortalGuardStore Require() => Store ?? throw Error!;

    /// <summary>The settings in force: machine policy over the user's settings (defaults when the database is unavailable).</summary>
    public PortalGuardSettings Settings() => EffectiveSettings().Values;

    /// <summary>The settings in force with the source of each value.</summary>
    public EffectiveSettings EffectiveSettings() => SettingsResolver.Resolve(Store?.Settings.GetStored(), Policy);

    /// <summary>The catalog entries in force: the policy's first (they win on overlap), then the database's, or the embedded catalog without one.</summary>
    public IReadOnlyList<PortalEntry> CatalogEntries()
    {
        var catalog = Store?.Catalog.List() ?? EmbeddedCatalog.Load();
        return Policy.ExtraPortals.Count == 0 ? catalog : [.. Policy.ExtraPortals, .. catalog];
    }

    public void Dispose() => Store?.Dispose();
}
