using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Domain.Supply;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.RequestBackorder;

/// <summary>One open purchase-order line's outstanding units of a SKU and when they are expected.</summary>
internal sealed record SupplyLine(string Sku, int Outstanding, DateTimeOffset ExpectedAt, string DestinationLocationCode);

/// <summary>Reads of stock, expected supply and waiting demand that backorders and the reorder check share.</summary>
internal static class ExpectedSupply
{
    /// <summary>Outstanding units on open (sent, not fully received) purchase orders and releases, optionally drafts too.</summary>
    public static async Task<List<SupplyLine>> OpenLinesAsync(InventoryDbContext db, IReadOnlyCollection<string> skus, bool includeDrafts, CancellationToken cancellationToken)
    {
        var lines = await (
            from line in db.PurchaseOrderLines
            join order in db.PurchaseOrders on line.PurchaseOrderId equals order.Id
            where skus.Contains(line.Sku) && line.ReceivedQuantity < line.Quantity
                && (order.Status == PurchaseOrderStatus.Open || order.Status == PurchaseOrderStatus.PartiallyReceived
                    || (includeDrafts && order.Status == PurchaseOrderStatus.Draft))
            select new { line.Sku, Outstanding = line.Quantity - line.ReceivedQuantity, line.ExpectedAt, order.DestinationLocationCode })
            .ToListAsync(cancellationToken);
        return [.. lines.Select(l => new SupplyLine(l.Sku, l.Outstanding, l.ExpectedAt, l.DestinationLocationCode)).OrderBy(l => l.ExpectedAt)];
    }

    /// <summary>Units per SKU that waiting backorders (other than <paramref name="exceptKey"/>) are already owed.</summary>
    public static async Task<Dictionary<string, int>> WaitingDemandAsync(InventoryDbContext db, IReadOnlyCollection<string> skus, string? exceptKey, CancellationToken cancellationToken) =>
        await (
            from line in db.BackorderLines
            join request in db.BackorderRequests on line.RequestId equals request.Id
            where skus.Contains(line.Sku) && request.Status == BackorderStatus.Waiting && request.ReservationKey != exceptKey
            group line by line.Sku into g
            select new { Sku = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(x => x.Sku, x => x.Quantity, StringComparer.Ordinal, cancellationToken);
}
