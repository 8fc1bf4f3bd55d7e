using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetSourcingStock;

/// <summary>
/// Per location and SKU: general available stock plus the order's own holds (pool units it drew included). Pool units
/// it has not drawn are not offered: moving a reservation allocates from general stock. Two reads, by SKU and by the
/// reservation's key, whatever the number of locations; without a key (a quote) only the first.
/// </summary>
internal sealed class GetSourcingStockHandler(InventoryDbContext db)
    : IQueryHandler<GetSourcingStockQuery, IReadOnlyList<SourcingLocationDto>>
{
    public async ValueTask<IReadOnlyList<SourcingLocationDto>> Handle(GetSourcingStockQuery query, CancellationToken cancellationToken)
    {
        var skus = query.Skus.Distinct(StringComparer.Ordinal).ToList();
        var general = await db.StockItems.AsNoTracking()
            .Where(s => skus.Contains(s.Sku) && s.OnHand > s.Reserved)
            .GroupBy(s => new { s.LocationCode, s.Sku })
            .Select(g => new { g.Key.LocationCode, g.Key.Sku, Units = g.Sum(s => s.OnHand - s.Reserved) })
            .ToListAsync(cancellationToken);
        var units = new Dictionary<(string Location, string Sku), (int Available, int Held)>();
        void Add(string location, string sku, int available, int heldHere)
        {
            var current = units.GetValueOrDefault((location, sku));
            units[(location, sku)] = (current.Available + available, current.Held + heldHere);
        }

        general.ForEach(g => Add(g.LocationCode, g.Sku, g.Units, 0));
        if (query.ReservationKey is { } key)
        {
            var held = await db.ReservationAllocations.AsNoTracking()
                .Where(a => a.ReservationKey == key && db.Reservations.Any(r => r.Key == a.ReservationKey && r.Status == ReservationStatus.Active))
                .GroupBy(a => new { a.LocationCode, a.Sku })
                .Select(g => new { g.Key.LocationCode, g.Key.Sku, Units = g.Sum(a => a.Quantity) })
                .ToListAsync(cancellationToken);
            held.ForEach(h => Add(h.LocationCode, h.Sku, h.Units, h.Units));
        }

        var codes = units.Keys.Select(k => k.Location).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => codes.Contains(l.Code)).ToListAsync(cancellationToken);
        return [.. locations
            .OrderBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new SourcingLocationDto(
                l.Code, l.Name, l.Type.ToString(), l.Address.PostalCode, l.Address.Region, l.ShipsToConsumers,
                [.. units.Where(u => u.Key.Location == l.Code).OrderBy(u => u.Key.Sku, StringComparer.Ordinal)
                    .Select(u => new SourcingSkuDto(u.Key.Sku, u.Value.Available, u.Value.Held))]))];
    }
}
