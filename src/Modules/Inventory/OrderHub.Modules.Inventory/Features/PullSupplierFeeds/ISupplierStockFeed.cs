using OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>
/// The port to a supplier's real-time stock: what the supplier can ship now, read on demand. Null when no pull is
/// configured for that supplier (it pushes its feed to <c>PUT /api/v1/inventory/supplier-feeds/{code}</c> instead).
/// </summary>
internal interface ISupplierStockFeed
{
    Task<SupplierStock?> ReadAsync(string locationCode, CancellationToken cancellationToken);
}

/// <summary>A supplier's full available stock as of <see cref="AsOf"/> (the time of the read when it gives none).</summary>
internal sealed record SupplierStock(DateTimeOffset? AsOf, IReadOnlyList<SupplierStockLine> Items);
