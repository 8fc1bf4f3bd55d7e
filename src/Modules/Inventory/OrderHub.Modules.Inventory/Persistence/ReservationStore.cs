using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// All-or-nothing allocation of several lines with guarded updates. When a line falls short, the units already
/// held for earlier lines are given back in the same transaction (the rows are still locked by it, so the give-back
/// cannot fail) and the answer lists the shortages.
/// </summary>
internal sealed class ReservationStore(InventoryDbContext db, StockStore stock)
{
    /// <summary>
    /// Checks every SKU exists, replaces kits by their components, merges repeated SKUs and sorts by SKU (a stable
    /// lock order keeps concurrent multi-line reservations from deadlocking).
    /// </summary>
    public async Task<List<StockLine>> ExpandAsync(IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        var skus = lines.Select(l => l.Sku.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .Select(p => new { p.Sku, Components = p.Components.Select(c => new { c.BundleSku, c.ComponentSku, c.Quantity }).ToList() })
            .ToListAsync(cancellationToken);
        var unknown = skus.FirstOrDefault(s => !products.Exists(p => p.Sku == s));
        if (unknown is not null)
        {
            throw new BusinessRuleViolationException("SkuMustExist", $"SKU '{unknown}' is not in the catalog.");
        }

        var components = products.SelectMany(p => p.Components).ToList();
        return [.. lines
            .SelectMany(l =>
            {
                var sku = l.Sku.Trim();
                var parts = components.Where(c => c.BundleSku == sku).ToList();
                return parts.Count == 0 ? [new StockLine(sku, l.Quantity)] : parts.Select(c => new StockLine(c.ComponentSku, c.Quantity * l.Quantity));
            })
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)];
    }

    /// <summary>Holds every line or none. On success returns the allocations (not yet added to the context).</summary>
    public async Task<(List<ReservationAllocation> Allocations, List<StockShortageDto> Shortages)> AllocateAsync(
        string reservationKey, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        var allocations = new List<ReservationAllocation>();
        var shortages = new List<StockShortageDto>();
        foreach (var line in lines)
        {
            var candidates = await stock.CandidatesAsync(line.Sku, locationCode: null, lot: null, cancellationToken);
            var taken = await stock.TakeAsync(candidates, line.Quantity, stock.TryReserveAsync, cancellationToken);
            allocations.AddRange(taken.Select(t =>
                new ReservationAllocation(reservationKey, t.Item.Id, line.Sku, t.Item.Key.LocationCode, t.Item.Key.BinCode, t.Item.Key.Lot, t.Quantity)));
            var held = taken.Sum(t => t.Quantity);
            if (held < line.Quantity)
            {
                shortages.Add(new StockShortageDto(line.Sku, line.Quantity, held));
            }
        }

        if (shortages.Count == 0)
        {
            return (allocations, shortages);
        }

        await GiveBackAsync(allocations, cancellationToken);
        return ([], shortages);
    }

    /// <summary>Reserved -= each allocation's quantity (release, or undo of a partial allocation).</summary>
    public async Task GiveBackAsync(IEnumerable<ReservationAllocation> allocations, CancellationToken cancellationToken)
    {
        foreach (var allocation in allocations)
        {
            if (await stock.UnreserveAsync(allocation.StockItemId, allocation.Quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Stock item {allocation.StockItemId} holds less than the {allocation.Quantity} reserved by '{allocation.ReservationKey}'.");
            }
        }
    }

    /// <summary>
    /// Moves an Active reservation to <paramref name="to"/> as a guarded update; true if this call did it. Of a release and a
    /// commit racing on one key, only one succeeds.
    /// </summary>
    public async Task<bool> TryCloseAsync(string key, ReservationStatus to, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Reservations.Where(r => r.Key == key && r.Status == ReservationStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, to).SetProperty(r => r.CloseReason, reason).SetProperty(r => r.UpdatedAt, now), cancellationToken) == 1;

    public Task<List<ReservationAllocation>> AllocationsAsync(string key, CancellationToken cancellationToken) =>
        db.ReservationAllocations.AsNoTracking().Where(a => a.ReservationKey == key).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public static StockReservationDto Reserved(string key, IEnumerable<ReservationAllocation> allocations) =>
        new(key, true, [.. allocations.Select(a => new ReservedStockDto(a.Sku, a.LocationCode, a.BinCode, a.Lot, a.Quantity))], []);

    public static void RequireLines(IReadOnlyList<StockLine> lines)
    {
        if (lines.Count == 0)
        {
            throw new BusinessRuleViolationException("ReservationNeedsLines", "A reservation needs at least one line.");
        }
    }
}
