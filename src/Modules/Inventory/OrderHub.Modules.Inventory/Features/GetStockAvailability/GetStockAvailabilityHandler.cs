using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetStockAvailability;

/// <summary>
/// Stock of a SKU per location. For a kit, each location's figures are derived from its components: as many kits as the
/// scarcest component allows (whole kits only).
/// </summary>
internal sealed class GetStockAvailabilityHandler(InventoryDbContext db, CatalogFactsCache catalog, PoolStore pools) : IQueryHandler<GetStockAvailabilityQuery, StockAvailabilityDto>
{
    public async ValueTask<StockAvailabilityDto> Handle(GetStockAvailabilityQuery query, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(query.Sku, out var components))
        {
            components = await db.Products.AsNoTracking().Where(p => p.Sku == query.Sku)
                .Select(p => p.Components.Select(c => new KitPart(c.ComponentSku, c.Quantity)).ToList())
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Product", query.Sku);
            catalog.Set(query.Sku, components);
        }

        if (components.Count == 0)
        {
            var locations = await PerLocationAsync(query.Sku, cancellationToken);
            var pooled = await pools.PooledAsync([query.Sku], locationCode: null, cancellationToken);
            if (pooled.Count > 0)
            {
                locations = locations.ConvertAll(l => l with { Pooled = pooled.GetValueOrDefault((query.Sku, l.LocationCode)) });
            }

            return new StockAvailabilityDto(query.Sku, locations.Sum(l => l.Available), locations);
        }

        var perComponent = new List<(int PerKit, Dictionary<string, LocationStockDto> Stock)>(components.Count);
        foreach (var c in components)
        {
            perComponent.Add((c.Quantity, (await PerLocationAsync(c.ComponentSku, cancellationToken)).ToDictionary(l => l.LocationCode, StringComparer.Ordinal)));
        }

        var kits = perComponent[0].Stock.Keys
            .Where(code => perComponent.TrueForAll(p => p.Stock.ContainsKey(code)))
            .Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var onHand = perComponent.Min(p => p.Stock[code].OnHand / p.PerKit);
                var available = perComponent.Min(p => p.Stock[code].Available / p.PerKit);
                return new LocationStockDto(code, onHand, onHand - available, available);
            })
            .Where(l => l.OnHand > 0)
            .ToList();
        return new StockAvailabilityDto(query.Sku, kits.Sum(l => l.Available), kits);
    }

    private async Task<List<LocationStockDto>> PerLocationAsync(string sku, CancellationToken cancellationToken)
    {
        var locations = await db.StockItems.AsNoTracking()
            .Where(s => s.Sku == sku)
            .GroupBy(s => s.LocationCode)
            .Select(g => new LocationStockDto(g.Key, g.Sum(s => s.OnHand), g.Sum(s => s.Reserved), g.Sum(s => s.OnHand - s.Reserved)))
            .ToListAsync(cancellationToken);
        return [.. locations.OrderBy(l => l.LocationCode, StringComparer.Ordinal)];
    }
}
