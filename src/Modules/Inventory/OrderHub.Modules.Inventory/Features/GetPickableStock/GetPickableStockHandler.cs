using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetPickableStock;

/// <summary>
/// Per bin and lot at the location, of every SKU the wave's reservations hold there: free units plus the wave's own
/// holds on it. Two reads: the wave's allocations, then the location's stock items of those SKUs.
/// </summary>
internal sealed class GetPickableStockHandler(InventoryDbContext db) : IQueryHandler<GetPickableStockQuery, IReadOnlyList<PickableStockDto>>
{
    public async ValueTask<IReadOnlyList<PickableStockDto>> Handle(GetPickableStockQuery query, CancellationToken cancellationToken)
    {
        var keys = query.ReservationKeys.Distinct(StringComparer.Ordinal).ToList();
        var held = await db.ReservationAllocations.AsNoTracking()
            .Where(a => keys.Contains(a.ReservationKey) && a.LocationCode == query.LocationCode
                && db.Reservations.Any(r => r.Key == a.ReservationKey && r.Status == ReservationStatus.Active))
            .Select(a => new { a.StockItemId, a.Sku, a.Quantity })
            .ToListAsync(cancellationToken);
        var heldOn = held.GroupBy(a => a.StockItemId).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var skus = held.Select(a => a.Sku).Distinct(StringComparer.Ordinal).ToList();
        var items = await db.StockItems.AsNoTracking()
            .Where(s => s.LocationCode == query.LocationCode && skus.Contains(s.Sku))
            .ToListAsync(cancellationToken);
        return [.. items
            .Select(s => new PickableStockDto(s.BinCode, s.Sku, s.Lot, s.OnHand - s.Reserved + heldOn.GetValueOrDefault(s.Id), s.ReceivedOn, s.ExpiresOn, s.Quarantined))
            .Where(s => s.Available > 0)
            .OrderBy(s => s.Sku, StringComparer.Ordinal).ThenBy(s => s.Bin, StringComparer.Ordinal).ThenBy(s => s.Lot, StringComparer.Ordinal)];
    }
}
