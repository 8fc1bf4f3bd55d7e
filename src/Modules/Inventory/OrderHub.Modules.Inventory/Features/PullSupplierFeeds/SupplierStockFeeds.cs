using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>
/// The <see cref="ISupplierStockFeed"/> the module uses: the HTTP adapter for a supplier with a <c>Url</c> under
/// <c>OrderHub:SupplierFeeds:&lt;code&gt;</c>, the built-in adapter (nothing to pull) for every other one.
/// </summary>
internal sealed class SupplierStockFeeds(IServiceProvider services, IOptions<SupplierFeedOptions> options, NoSupplierStockFeed none) : ISupplierStockFeed
{
    public Task<SupplierStock?> ReadAsync(string locationCode, CancellationToken cancellationToken) =>
        options.Value.For(locationCode) is null
            ? none.ReadAsync(locationCode, cancellationToken)
            : services.GetRequiredService<HttpSupplierStockFeed>().ReadAsync(locationCode, cancellationToken);
}
