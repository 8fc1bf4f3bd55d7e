using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetStockAvailability;

internal sealed class GetStockAvailabilityHandler(InventoryDbContext db) : IQueryHandler<GetStockAvailabilityQuery, StockAvailabilityDto>
{
    public async ValueTask<StockAvailabilityDto> Handle(GetStockAvailabilityQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == query.Sku, cancellationToken))
        {
            throw new NotFoundException("Product", query.Sku);
        }

        var locations = await db.StockItems.AsNoTracking()
            .Where(s => s.Sku == query.Sku)
            .GroupBy(s => s.LocationCode)
            .Select(g => new LocationStockDto(g.Key, g.Sum(s => s.OnHand), g.Sum(s => s.Reserved), g.Sum(s => s.OnHand - s.Reserved)))
            .ToListAsync(cancellationToken);
        return new StockAvailabilityDto(query.Sku, locations.Sum(l => l.Available), [.. locations.OrderBy(l => l.LocationCode)]);
    }
}
