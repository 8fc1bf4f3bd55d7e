using Mediator;

namespace OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

/// <summary>
/// A supplier's full available stock at its Supplier location, as of <see cref="AsOf"/> (now when absent): each SKU's
/// available units become the feed's quantity (units already reserved stay reserved), SKUs left out become 0.
/// Sent by <c>PUT /api/v1/inventory/supplier-feeds/{locationCode}</c> and by the hourly pull of configured suppliers.
/// </summary>
internal sealed record ApplySupplierFeedCommand(string? LocationCode, IReadOnlyList<SupplierStockLine>? Items, DateTimeOffset? AsOf)
    : ICommand<SupplierFeedResultDto>;

/// <summary>One SKU of a feed: the units the supplier can ship now.</summary>
internal sealed record SupplierStockLine(string? Sku, int Quantity);

/// <summary>The JSON body of the endpoint, and what a supplier's feed URL answers: <c>{ asOf?, items: [ { sku, quantity } ] }</c>.</summary>
internal sealed record SupplierFeedBody(IReadOnlyList<SupplierStockLine>? Items, DateTimeOffset? AsOf);

/// <summary>
/// What a feed did: SKUs whose availability changed (<see cref="Updated"/>), stayed (<see cref="Unchanged"/>), SKUs left
/// out of the feed taken to 0 (<see cref="Zeroed"/>) and SKUs skipped (not in the catalog, or kits). <see cref="Applied"/>
/// is false when the feed is older than the last one applied (nothing changed).
/// </summary>
internal sealed record SupplierFeedResultDto(
    string LocationCode, DateTimeOffset AsOf, bool Applied, int Updated, int Unchanged, int Zeroed, IReadOnlyList<string> UnknownSkus);
