using PortalGuard.Storage;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>A <see cref="PortalGuardStore"/> on a real file in a fresh temp folder; both go away on Dispose.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly TimeProvider _time;

    public TempStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Store = PortalGuardStore.Open(Folder.Path, _time);
    }

    public TempFolder Folder { get; } = new();

    public PortalGuardStore Store { get; private set; }

    /// <summary>Closes the store and opens the same file again, as the next host process would.</summary>
    public PortalGuardStore Reopen()
    {
        Store.Dispose();
        Store = PortalGuardStore.Open(Folder.Path, _time);
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        Folder.Dispose();
    }
}
