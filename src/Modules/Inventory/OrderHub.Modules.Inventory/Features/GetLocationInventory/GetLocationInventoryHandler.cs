using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetLocationInventory;

internal sealed class GetLocationInventoryHandler(InventoryDbContext db, PoolStore pools) : IQueryHandler<GetLocationInventoryQuery, LocationInventoryDto>
{
    public async ValueTask<LocationInventoryDto> Handle(GetLocationInventoryQuery query, CancellationToken cancellationToken)
    {
        var code = query.LocationCode;
        if (!await db.Locations.AnyAsync(l => l.Code == code, cancellationToken))
        {
            throw new NotFoundException("Location", code);
        }

        var stock = db.StockItems.AsNoTracking().Where(s => s.LocationCode == code);
        var total = await stock.Select(s => s.Sku).Distinct().CountAsync(cancellationToken);
        var rows = await stock
            .GroupBy(s => s.Sku)
            .Select(g => new { Sku = g.Key, OnHand = g.Sum(s => s.OnHand), Reserved = g.Sum(s => s.Reserved) })
            .OrderBy(r => r.Sku)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var pooled = await pools.PooledAsync([.. rows.Select(r => r.Sku)], code, cancellationToken);
        var items = rows.ConvertAll(r => new LocationSkuStockDto(r.Sku, r.OnHand, r.Reserved, pooled.GetValueOrDefault((r.Sku, code)), r.OnHand - r.Reserved));
        return new LocationInventoryDto(code, query.Page, query.PageSize, total, items);
    }
}
