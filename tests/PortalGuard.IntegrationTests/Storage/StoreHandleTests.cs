using PortalGuard.Portals;
using PortalGuard.Storage;
using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

public sealed class StoreHandleTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_merges_the_shipped_catalog_at_once()
    {
        using var handle = StoreHandle.Open(_folder.Path, TimeProvider.System);

        Assert.Equal(ShippedIds(), handle.Require().Catalog.List().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Deferred_upkeep_serves_settings_at_once_and_merges_the_catalog_on_its_first_need()
    {
        using var handle = StoreHandle.OpenDeferringUpkeep(_folder.Path, TimeProvider.System);

        Assert.NotNull(handle.Store);
        Assert.False(handle.Settings().SharedDevice);
        Assert.Empty(handle.Require().Catalog.List());

        var inForce = handle.CatalogEntries();

        Assert.Equal(ShippedIds(), inForce.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ShippedIds(), handle.Require().Catalog.List().Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Null(handle.Upkeep());
    }

    private static IOrderedEnumerable<string> ShippedIds() => EmbeddedCatalog.Load().Select(e => e.Id).Order(StringComparer.Ordinal);
}
