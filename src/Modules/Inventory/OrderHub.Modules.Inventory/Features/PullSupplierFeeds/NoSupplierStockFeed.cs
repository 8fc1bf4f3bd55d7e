namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>The built-in adapter: nothing to pull (the supplier's feed is pushed to the endpoint, or not kept at all).</summary>
internal sealed class NoSupplierStockFeed : ISupplierStockFeed
{
    public Task<SupplierStock?> ReadAsync(string locationCode, CancellationToken cancellationToken) => Task.FromResult<SupplierStock?>(null);
}
