using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// Every change of stock quantities goes through here as a guarded conditional UPDATE decided by the database
/// (<c>WHERE Id = @id AND OnHand - Reserved &gt;= @qty</c>) with the rows affected checked: never check-then-act in memory.
/// Runs inside the command's transaction, so a refusal thrown later rolls back every update made before it.
/// </summary>
internal sealed class StockStore(InventoryDbContext db, AllocationPlanner planner)
{
    private const int TakeAttempts = 8;

    /// <summary>Reserved += qty if at least qty is available.</summary>
    public Task<int> TryReserveAsync(long stockItemId, int quantity, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Id == stockItemId && s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reserved, s => s.Reserved + quantity), cancellationToken);

    /// <summary>Reserved -= qty if at least qty is reserved.</summary>
    public Task<int> UnreserveAsync(long stockItemId, int quantity, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Id == stockItemId && s.Reserved >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reserved, s => s.Reserved - quantity), cancellationToken);

    /// <summary>On shipment: OnHand and Reserved both drop by qty.</summary>
    public Task<int> CommitAsync(long stockItemId, int quantity, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Id == stockItemId && s.Reserved >= quantity && s.OnHand >= quantity)
            .ExecuteUpdateAsync(
                u => u.SetProperty(s => s.OnHand, s => s.OnHand - quantity).SetProperty(s => s.Reserved, s => s.Reserved - quantity),
                cancellationToken);

    /// <summary>OnHand -= qty if at least qty is unreserved (available).</summary>
    public Task<int> TryRemoveAvailableAsync(long stockItemId, int quantity, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Id == stockItemId && s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand - quantity), cancellationToken);

    /// <summary>
    /// OnHand += qty on the stock item, creating it (saved at once, inside the transaction) when new; a lot's expiry,
    /// once known, is kept.
    /// </summary>
    public async Task AddOnHandAsync(StockKey key, int quantity, DateOnly receivedOn, CancellationToken cancellationToken, DateOnly? expiresOn = null)
    {
        var rows = await db.StockItems
            .Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + quantity).SetProperty(s => s.ExpiresOn, s => s.ExpiresOn ?? expiresOn), cancellationToken);
        if (rows == 0)
        {
            db.StockItems.Add(StockItem.Receive(key.Sku, key.LocationCode, key.BinCode, key.Lot, quantity, receivedOn, expiresOn));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Current on-hand of one stock item, read from the database (0 when it does not exist).</summary>
    public Task<int> OnHandAsync(StockKey key, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
            .Select(s => s.OnHand).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stock items of these SKUs with something available (optionally at one location, of one lot), with whether their
    /// location ships to consumers: the snapshot the <see cref="AllocationPlanner"/> orders and plans from.
    /// </summary>
    public Task<List<StockCandidate>> SnapshotAsync(IReadOnlyCollection<string> skus, string? locationCode, string? lot, CancellationToken cancellationToken)
    {
        var query = from s in db.StockItems
                    join l in db.Locations on s.LocationCode equals l.Code
                    where skus.Contains(s.Sku) && s.OnHand > s.Reserved
                    select new { s, l.ShipsToConsumers };
        if (locationCode is not null)
        {
            query = query.Where(x => x.s.LocationCode == locationCode);
        }

        if (lot is not null)
        {
            query = query.Where(x => x.s.Lot == lot);
        }

        return query
            .Select(x => new StockCandidate(x.s.Id, new StockKey(x.s.Sku, x.s.LocationCode, x.s.BinCode, x.s.Lot), x.s.OnHand - x.s.Reserved, x.ShipsToConsumers))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Units available (on hand − reserved, pooled units included as reserved) per SKU, over all locations.</summary>
    public Task<Dictionary<string, int>> AvailableBySkuAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => skus.Contains(s.Sku)).GroupBy(s => s.Sku)
            .Select(g => new { Sku = g.Key, Available = g.Sum(s => s.OnHand - s.Reserved) })
            .ToDictionaryAsync(x => x.Sku, x => x.Available, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="quantity"/> of a SKU at a location (of one lot, when given) with <paramref name="take"/>
    /// (a guarded update), as the <see cref="AllocationPlanner"/> plans it. When a guard loses a race, what applied stays
    /// taken and the rest is planned again from a fresh snapshot. Returns what was taken, per stock item in plan order;
    /// less than asked when that is all there is.
    /// </summary>
    public async Task<List<(StockCandidate Item, int Quantity)>> TakeAsync(
        string sku, string locationCode, string? lot, int quantity, Func<long, int, CancellationToken, Task<int>> take, CancellationToken cancellationToken)
    {
        var taken = new List<(StockCandidate Item, int Quantity)>();
        var remaining = quantity;
        for (var attempt = 0; attempt < TakeAttempts && remaining > 0; attempt++)
        {
            var snapshot = AvailabilitySnapshot.Of(await SnapshotAsync([sku], locationCode, lot, cancellationToken));
            var plan = planner.Plan([new StockLine(sku, remaining)], snapshot);
            var lost = false;
            foreach (var hold in plan.Holds)
            {
                if (await take(hold.StockItemId, hold.Quantity, cancellationToken) != 1)
                {
                    lost = true;
                    break;
                }

                var index = taken.FindIndex(t => t.Item.Id == hold.StockItemId);
                if (index >= 0)
                {
                    taken[index] = (taken[index].Item, taken[index].Quantity + hold.Quantity);
                }
                else
                {
                    taken.Add((snapshot.Stock.First(c => c.Id == hold.StockItemId), hold.Quantity));
                }

                remaining -= hold.Quantity;
            }

            if (!lost)
            {
                break; // all planned applied: done, or short of what exists
            }
        }

        return taken;
    }

    /// <summary>Throws naming the first SKU that is not in the catalog.</summary>
    public async Task RequireProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var known = await db.Products.Where(p => skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(cancellationToken);
        var unknown = skus.FirstOrDefault(s => !known.Contains(s, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new BusinessRuleViolationException("SkuMustExist", $"SKU '{unknown}' is not in the catalog.");
        }
    }

    /// <summary>Throws naming the first SKU not in the catalog, or the first kit (kits hold no stock: their components do).</summary>
    public async Task RequireStockedProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        await RequireProductsAsync(skus, cancellationToken);
        var kit = await db.Products.Where(p => skus.Contains(p.Sku) && p.Components.Any()).Select(p => p.Sku).FirstOrDefaultAsync(cancellationToken);
        if (kit is not null)
        {
            throw new BusinessRuleViolationException("KitsHoldNoStock", $"SKU '{kit}' is a kit; use its components instead.");
        }
    }

    /// <summary>Throws unless the location exists; returns its bins.</summary>
    public async Task<List<string>> RequireLocationAsync(string code, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().Include(l => l.Bins).SingleOrDefaultAsync(l => l.Code == code, cancellationToken)
            ?? throw new BusinessRuleViolationException("LocationMustExist", $"Location '{code}' does not exist.");
        return [.. location.Bins.Select(b => b.Code).Order(StringComparer.Ordinal)];
    }

    /// <summary>The bin to put stock in: the one asked for (it must exist when the location has bins), else the location's first bin.</summary>
    public static string ResolveBin(string locationCode, IReadOnlyList<string> bins, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return bins.Count > 0 ? bins[0] : string.Empty;
        }

        if (bins.Count > 0 && !bins.Contains(requested, StringComparer.Ordinal))
        {
            throw new BusinessRuleViolationException("BinMustExist", $"Bin '{requested}' does not exist at location '{locationCode}'.");
        }

        return requested;
    }
}
