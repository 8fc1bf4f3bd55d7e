using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ListLocationStock;

internal sealed class ListLocationStockHandler(InventoryDbContext db) : IQueryHandler<ListLocationStockQuery, LocationBinsDto>
{
    /// <summary>At most this many stock items are listed (a page for people, not an export).</summary>
    internal const int MaxItems = 2000;

    public async ValueTask<LocationBinsDto> Handle(ListLocationStockQuery query, CancellationToken cancellationToken)
    {
        var code = query.LocationCode.Trim();
        var location = await db.Locations.AsNoTracking().Include(l => l.Bins).SingleOrDefaultAsync(l => l.Code == code, cancellationToken)
            ?? throw new NotFoundException("Location", code);
        var items = await db.StockItems.AsNoTracking()
            .Where(s => s.LocationCode == code && (s.OnHand != 0 || s.Reserved != 0))
            .OrderBy(s => s.BinCode).ThenBy(s => s.Sku).ThenBy(s => s.Lot)
            .Take(MaxItems + 1)
            .Select(s => new { s.BinCode, Item = new BinLotStockDto(s.Sku, s.Lot, s.OnHand, s.Reserved, s.OnHand - s.Reserved, s.ExpiresOn, s.Quarantined) })
            .ToListAsync(cancellationToken);
        var truncated = items.Count > MaxItems;
        var byBin = items.Take(MaxItems).GroupBy(i => i.BinCode).ToDictionary(g => g.Key, g => (IReadOnlyList<BinLotStockDto>)[.. g.Select(i => i.Item)], StringComparer.Ordinal);
        var bins = location.Bins.Select(b => b.Code).Concat(byBin.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(bin => new LocationBinDto(bin, byBin.GetValueOrDefault(bin) ?? []))
            .ToList();
        return new LocationBinsDto(code, location.Name, bins, truncated);
    }
}
