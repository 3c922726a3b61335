using PortalGuard.Policy;
using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>The database, or why it cannot be used, with the machine policy over it. The host keeps working (and warning) without a database.</summary>
internal sealed class StoreHandle : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lazy<StorageUnavailableException?> _upkeep;

    private StoreHandle(PortalGuardStore? store, StorageUnavailableException? error, MachinePolicy policy, TimeProvider time)
    {
        Store = store;
        Error = error;
        Policy = policy;
        _time = time;
        _upkeep = new(RunUpkeep, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PortalGuardStore? Store { get; }

    public StorageUnavailableException? Error { get; }

    /// <summary>The machine policy in force (<see cref="MachinePolicy.None"/> when there is none).</summary>
    public MachinePolicy Policy { get; }

    /// <summary>Opens the database, merges the shipped catalog and applies the policy's audit retention.</summary>
    /// <param name="policy">The machine policy; none when null (tests, tools).</param>
    public static StoreHandle Open(string dataDirectory, TimeProvider time, MachinePolicy? policy = null)
    {
        var handle = OpenDeferringUpkeep(dataDirectory, time, policy);
        if (handle.Upkeep() is { } failure)
        {
            handle.Dispose();
            return new StoreHandle(null, failure, handle.Policy, time);
        }

        return handle;
    }

    /// <summary>
    /// Opens the database only (schema checked and up to date), which is all the settings need; the catalog merge and the
    /// audit retention wait for <see cref="Upkeep"/> or the first need of the catalog. The native host opens it so, to
    /// answer the browser's first frame sooner.
    /// </summary>
    /// <param name="policy">The machine policy; none when null (tests, tools).</param>
    public static StoreHandle OpenDeferringUpkeep(string dataDirectory, TimeProvider time, MachinePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        policy ??= MachinePolicy.None(string.Empty);
        try
        {
            return new StoreHandle(PortalGuardStore.Open(dataDirectory, time), null, policy, time);
        }
        catch (StorageUnavailableException ex)
        {
            return new StoreHandle(null, ex, policy, time);
        }
    }

    /// <summary>Merges the shipped catalog and applies the policy's audit retention, once; returns why that failed, or null.</summary>
    public StorageUnavailableException? Upkeep() => _upkeep.Value;

    /// <summary>The store, or the reason it is unavailable as an exception.</summary>
    public PortalGuardStore Require() => Store ?? throw Error!;

    /// <summary>The settings in force: machine policy over the user's settings (defaults when the database is unavailable).</summary>
    public PortalGuardSettings Settings() => EffectiveSettings().Values;

    /// <summary>The settings in force with the source of each value.</summary>
    public EffectiveSettings EffectiveSettings() => SettingsResolver.Resolve(Store?.Settings.GetStored(), Policy);

    /// <summary>The catalog entries in force: the policy's first (they win on overlap), then the database's, or the embedded catalog without one.</summary>
    public IReadOnlyList<PortalEntry> CatalogEntries()
    {
        // Without the shipped catalog merged in, the database's list may be stale or empty: the embedded one stands in.
        var catalog = Store is { } store && Upkeep() is null ? store.Catalog.List() : EmbeddedCatalog.Load();
        return Policy.ExtraPortals.Count == 0 ? catalog : [.. Policy.ExtraPortals, .. catalog];
    }

    public void Dispose() => Store?.Dispose();

    private StorageUnavailableException? RunUpkeep()
    {
        if (Store is not { } store)
        {
            return null;
        }

        try
        {
            store.Catalog.MergeEmbedded(EmbeddedCatalog.Load());
            if (Policy.AuditRetentionDays is { } days)
            {
                store.Audit.Prune(_time.GetUtcNow().AddDays(-days));
            }

            return null;
        }
        catch (StorageUnavailableException ex)
        {
            return ex;
        }
    }
}
