using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// Every change of stock quantities goes through here as a guarded conditional UPDATE decided by the database
/// (<c>WHERE Id = @id AND OnHand - Reserved &gt;= @qty</c>) with the rows affected checked: never check-then-act in memory.
/// Runs inside the command's transaction, so a refusal thrown later rolls back every update made before it.
/// </summary>
internal sealed class StockStore(InventoryDbContext db, PostgreSqlReservationPath postgres)
{
    private const int AttemptsPerStockItem = 3;

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

    /// <summary>OnHand += qty on the stock item, creating it (saved at once, inside the transaction) when new.</summary>
    public async Task AddOnHandAsync(StockKey key, int quantity, CancellationToken cancellationToken)
    {
        var rows = await db.StockItems
            .Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + quantity), cancellationToken);
        if (rows == 0)
        {
            db.StockItems.Add(StockItem.Receive(key.Sku, key.LocationCode, key.BinCode, key.Lot, quantity));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Current on-hand of one stock item, read from the database (0 when it does not exist).</summary>
    public Task<int> OnHandAsync(StockKey key, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
            .Select(s => s.OnHand).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stock items of a SKU with something available, in allocation order: locations that ship to consumers first, then FIFO by lot.</summary>
    public Task<List<StockCandidate>> CandidatesAsync(string sku, string? locationCode, string? lot, CancellationToken cancellationToken)
    {
        var query = from s in db.StockItems
                    join l in db.Locations on s.LocationCode equals l.Code
                    where s.Sku == sku && s.OnHand > s.Reserved
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
            .OrderByDescending(x => x.ShipsToConsumers).ThenBy(x => x.s.Lot).ThenBy(x => x.s.Id)
            .Select(x => new StockCandidate(x.s.Id, new StockKey(x.s.Sku, x.s.LocationCode, x.s.BinCode, x.s.Lot), x.s.OnHand - x.s.Reserved))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Stock items of several SKUs with something available, in one query: by SKU, then in allocation order (locations that
    /// ship to consumers first, then FIFO by lot, then id).
    /// </summary>
    public Task<List<StockCandidate>> CandidatesAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        (from s in db.StockItems
         join l in db.Locations on s.LocationCode equals l.Code
         where skus.Contains(s.Sku) && s.OnHand > s.Reserved
         orderby s.Sku, l.ShipsToConsumers descending, s.Lot, s.Id
         select new StockCandidate(s.Id, new StockKey(s.Sku, s.LocationCode, s.BinCode, s.Lot), s.OnHand - s.Reserved))
        .AsNoTracking()
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Reserved += qty on every stock item, each a guarded update (<c>OnHand - Reserved &gt;= qty</c>) with its rows affected
    /// checked, in ascending id order (one lock order for everyone, so no deadlocks). On PostgreSQL all updates go in one
    /// batch (<see cref="PostgreSqlReservationPath.WriteAsync"/>, one round trip); elsewhere one statement each, stopping at
    /// the first refusal. Returns the holds that applied; when that is not all of them the caller must give those back
    /// (it still holds their locks).
    /// </summary>
    public async Task<(bool All, List<(long StockItemId, int Quantity)> Applied)> TryReserveAllAsync(
        IReadOnlyList<(long StockItemId, int Quantity)> holds, CancellationToken cancellationToken)
    {
        var ordered = InLockOrder(holds);
        if (db.Database.IsNpgsql())
        {
            var written = await postgres.WriteAsync(null, ordered, cancellationToken);
            return (written.Count == ordered.Count, written);
        }

        var applied = new List<(long, int)>(ordered.Count);
        foreach (var (id, quantity) in ordered)
        {
            if (await TryReserveAsync(id, quantity, cancellationToken) != 1)
            {
                return (false, applied);
            }

            applied.Add((id, quantity));
        }

        return (true, applied);
    }

    /// <summary>Units available (on hand − reserved, pooled units included as reserved) per SKU, over all locations.</summary>
    public Task<Dictionary<string, int>> AvailableBySkuAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        db.StockItems.Where(s => skus.Contains(s.Sku)).GroupBy(s => s.Sku)
            .Select(g => new { Sku = g.Key, Available = g.Sum(s => s.OnHand - s.Reserved) })
            .ToDictionaryAsync(x => x.Sku, x => x.Available, StringComparer.Ordinal, cancellationToken);

    /// <summary>Holds merged per stock item, in ascending id order: the one lock order every writer uses.</summary>
    public static List<(long StockItemId, int Quantity)> InLockOrder(IEnumerable<(long StockItemId, int Quantity)> holds) =>
        [.. holds.GroupBy(h => h.StockItemId).Select(g => (g.Key, g.Sum(h => h.Quantity))).OrderBy(h => h.Item1)];

    /// <summary>
    /// Takes up to <paramref name="quantity"/> from the candidates with <paramref name="take"/> (a guarded update);
    /// when a guard loses a race it re-reads that row and tries what is left there, then moves to the next row.
    /// Returns what was taken, row by row.
    /// </summary>
    public async Task<List<(StockCandidate Item, int Quantity)>> TakeAsync(
        IEnumerable<StockCandidate> candidates, int quantity, Func<long, int, CancellationToken, Task<int>> take, CancellationToken cancellationToken)
    {
        var taken = new List<(StockCandidate, int)>();
        var remaining = quantity;
        foreach (var candidate in candidates)
        {
            var available = candidate.Available;
            for (var attempt = 0; attempt < AttemptsPerStockItem && remaining > 0 && available > 0; attempt++)
            {
                var amount = Math.Min(remaining, available);
                if (await take(candidate.Id, amount, cancellationToken) == 1)
                {
                    taken.Add((candidate, amount));
                    remaining -= amount;
                    break;
                }

                available = await db.StockItems.Where(s => s.Id == candidate.Id).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(cancellationToken);
            }

            if (remaining == 0)
            {
                break;
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

/// <summary>A stock item that may be allocated, with the availability seen when it was read.</summary>
internal sealed record StockCandidate(long Id, StockKey Key, int Available);
