using PortalGuard.Portals;

namespace PortalGuard.Storage;

/// <summary>The database, or why it cannot be used. The host keeps working (and warning) without it.</summary>
internal sealed class StoreHandle : IDisposable
{
    private StoreHandle(PortalGuardStore? store, StorageUnavailableException? error)
    {
        Store = store;
        Error = error;
    }

    public PortalGuardStore? Store { get; }

    public StorageUnavailableException? Error { get; }

    public static StoreHandle Open(string dataDirectory, TimeProvider time)
    {
        try
        {
            var store = PortalGuardStore.Open(dataDirectory, time);
            store.Catalog.MergeEmbedded(EmbeddedCatalog.Load());
            return new StoreHandle(store, null);
        }
        catch (StorageUnavailableException ex)
        {
            return new StoreHandle(null, ex);
        }
    }

    /// <summary>The store, or the reason it is unavailable as an exception.</summary>
    public PortalGuardStore Require() => Store ?? throw Error!;

    /// <summary>The user's settings, or the defaults when the database is unavailable.</summary>
    public PortalGuardSettings Settings() => Store?.Settings.Get() ?? PortalGuardSettings.Defaults;

    public void Dispose() => Store?.Dispose();
}
