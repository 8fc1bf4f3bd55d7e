using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// All-or-nothing allocation of several lines with guarded updates. When a line falls short, the units already
/// held for earlier lines are given back in the same transaction (the rows are still locked by it, so the give-back
/// cannot fail) and the answer lists the shortages.
/// </summary>
internal sealed class ReservationStore(
    InventoryDbContext db, StockStore stock, PoolStore pools, CatalogFactsCache catalog, PostgreSqlReservationPath postgres)
{
    /// <summary>
    /// Checks every SKU exists, replaces kits by their components, merges repeated SKUs and sorts by SKU (a stable
    /// lock order keeps concurrent multi-line reservations from deadlocking).
    /// </summary>
    public async Task<List<StockLine>> ExpandAsync(IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        var skus = lines.Select(l => l.Sku.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var parts = new Dictionary<string, IReadOnlyList<KitPart>>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var sku in skus)
        {
            if (catalog.TryGet(sku, out var cached))
            {
                parts[sku] = cached;
            }
            else
            {
                toRead.Add(sku);
            }
        }

        if (toRead.Count > 0)
        {
            var products = await db.Products.AsNoTracking()
                .Where(p => toRead.Contains(p.Sku))
                .Select(p => new { p.Sku, Components = p.Components.Select(c => new KitPart(c.ComponentSku, c.Quantity)).ToList() })
                .ToListAsync(cancellationToken);
            foreach (var product in products)
            {
                parts[product.Sku] = product.Components;
                catalog.Set(product.Sku, product.Components);
            }
        }

        var unknown = skus.FirstOrDefault(s => !parts.ContainsKey(s));
        if (unknown is not null)
        {
            throw new BusinessRuleViolationException("SkuMustExist", $"SKU '{unknown}' is not in the catalog.");
        }

        return [.. lines
            .SelectMany(l =>
            {
                var sku = l.Sku.Trim();
                var kit = parts[sku];
                return kit.Count == 0 ? [new StockLine(sku, l.Quantity)] : kit.Select(c => new StockLine(c.ComponentSku, c.Quantity * l.Quantity));
            })
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)];
    }

    private const int PlannedAttempts = 4;

    /// <summary>
    /// The hot path: holds every line or none and saves the reservation, unless the key already names one (then
    /// <see cref="ReserveOutcome.Replayed"/>: the caller answers with what that reservation holds). Reads every line's
    /// candidates in one query, plans the allocation in memory, writes the reservation and its allocations first (no stock
    /// row locked yet), then runs all guarded stock updates together in id order, so a stock row's lock is held only from
    /// those updates to the commit. On PostgreSQL the key check rides with the read and the rows with the updates
    /// (<see cref="PostgreSqlReservationPath"/>). If a guard falls short (someone took the stock since the read), the holds
    /// that did apply are given back (this transaction still has their rows locked, so that cannot fail), the rows just
    /// written are deleted, and the plan is redone with fresh candidates; after a few lost races it falls back to the
    /// row-by-row allocator. Never oversells: the database decides every unit.
    /// </summary>
    public async Task<ReserveOutcome> ReserveAsync(
        string reservationKey, IReadOnlyList<StockLine> lines, PoolScope scope, Func<List<ReservationAllocation>, Reservation> create, CancellationToken cancellationToken)
    {
        var skus = lines.Select(l => l.Sku).ToList();
        var fast = PostgreSqlReservationPath.AppliesTo(db);
        List<StockCandidate>? firstRead = null;
        if (fast)
        {
            var (keyUsed, candidates) = await postgres.ReadAsync(reservationKey, skus, cancellationToken);
            if (keyUsed)
            {
                return ReserveOutcome.Replay;
            }

            firstRead = candidates;
        }
        else if (await db.Reservations.AsNoTracking().AnyAsync(r => r.Key == reservationKey, cancellationToken))
        {
            return ReserveOutcome.Replay;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            for (var attempt = 1; attempt <= PlannedAttempts; attempt++)
            {
                var pooled = await pools.CandidatesAsync(skus, scope.Channel, scope.CustomerTag, cancellationToken);
                var candidates = firstRead ?? await stock.CandidatesAsync(skus, cancellationToken);
                firstRead = null;
                var (holds, shortages) = Plan(lines, pooled, candidates);
                if (shortages.Count > 0)
                {
                    return new ReserveOutcome([], shortages);
                }

                var allocations = holds.ConvertAll(h =>
                    new ReservationAllocation(reservationKey, h.StockItemId, h.Key.Sku, h.Key.LocationCode, h.Key.BinCode, h.Key.Lot, h.Quantity, h.PoolName));
                var reservation = create(allocations);
                if (fast && holds.TrueForAll(h => h.PoolItemId is null))
                {
                    var ordered = StockStore.InLockOrder([.. holds.Select(h => (h.StockItemId, h.Quantity))]);
                    var written = await postgres.WriteAsync(reservation, ordered, cancellationToken);
                    if (written.Count == ordered.Count)
                    {
                        return new ReserveOutcome(allocations, []);
                    }

                    await UndoAsync(reservation, [], written, cancellationToken);
                    continue;
                }

                await SaveWithoutAutoSavepointAsync(reservation, cancellationToken);

                // Pool items first, then stock items, each in id order: the one lock order every writer uses.
                var drawn = new List<PlannedHold>();
                var drawnAll = true;
                foreach (var draw in holds.Where(h => h.PoolItemId is not null).OrderBy(h => h.PoolItemId))
                {
                    if (await pools.TryDrawAsync(draw.PoolItemId!.Value, draw.Quantity, cancellationToken) != 1)
                    {
                        drawnAll = false;
                        break;
                    }

                    drawn.Add(draw);
                }

                var (all, applied) = drawnAll
                    ? await stock.TryReserveAllAsync([.. holds.Where(h => h.PoolItemId is null).Select(h => (h.StockItemId, h.Quantity))], cancellationToken)
                    : (false, []);
                if (all)
                {
                    return new ReserveOutcome(allocations, []);
                }

                await UndoAsync(reservation, drawn, applied, cancellationToken);
            }
        }

        var (taken, missing) = await AllocateAsync(reservationKey, lines, cancellationToken);
        if (missing.Count == 0)
        {
            db.Reservations.Add(create(taken));
        }

        return new ReserveOutcome(taken, missing);
    }

    /// <summary>
    /// For each line (in order): first the channel's pool units (in pool priority order), then general stock in allocation
    /// order; lists the lines that cannot be met, with what could have been held.
    /// </summary>
    internal static (List<PlannedHold> Holds, List<StockShortageDto> Shortages) Plan(
        IReadOnlyList<StockLine> lines, IReadOnlyList<PoolCandidate> pooled, IReadOnlyList<StockCandidate> candidates)
    {
        var holds = new List<PlannedHold>();
        var shortages = new List<StockShortageDto>();
        var poolsBySku = pooled.ToLookup(c => c.Key.Sku, StringComparer.Ordinal);
        var bySku = candidates.ToLookup(c => c.Key.Sku, StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var remaining = line.Quantity;
            foreach (var p in poolsBySku[line.Sku])
            {
                var amount = Math.Min(remaining, p.Remaining);
                if (amount > 0)
                {
                    holds.Add(new PlannedHold(p.StockItemId, p.Key, amount, p.Id, p.PoolName));
                    remaining -= amount;
                }
            }

            foreach (var candidate in bySku[line.Sku])
            {
                var amount = Math.Min(remaining, candidate.Available);
                if (amount > 0)
                {
                    holds.Add(new PlannedHold(candidate.Id, candidate.Key, amount, null, null));
                    remaining -= amount;
                }
            }

            if (remaining > 0)
            {
                shortages.Add(new StockShortageDto(line.Sku, line.Quantity, line.Quantity - remaining));
            }
        }

        return (holds, shortages);
    }

    private async Task SaveWithoutAutoSavepointAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        db.Reservations.Add(reservation);
        var auto = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false; // our own savepoint already covers this save
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = auto;
        }
    }

    /// <summary>Gives back the pool draws and stock holds that applied and deletes the reservation rows written for this attempt.</summary>
    private async Task UndoAsync(Reservation reservation, List<PlannedHold> drawn, List<(long StockItemId, int Quantity)> applied, CancellationToken cancellationToken)
    {
        foreach (var (id, quantity) in applied)
        {
            if (await stock.UnreserveAsync(id, quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Stock item {id} holds less than the {quantity} just reserved by '{reservation.Key}'.");
            }
        }

        foreach (var draw in drawn)
        {
            if (await pools.UndrawAsync(draw.PoolItemId!.Value, draw.Quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Pool item {draw.PoolItemId} could not take back the {draw.Quantity} just drawn by '{reservation.Key}'.");
            }
        }

        await db.ReservationAllocations.Where(a => a.ReservationKey == reservation.Key).ExecuteDeleteAsync(cancellationToken);
        await db.Reservations.Where(r => r.Key == reservation.Key).ExecuteDeleteAsync(cancellationToken);
        foreach (var allocation in reservation.Allocations)
        {
            db.Entry(allocation).State = EntityState.Detached;
        }

        db.Entry(reservation).State = EntityState.Detached;
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

    /// <summary>True when the allocations hold exactly these (expanded, per-SKU) lines.</summary>
    public static bool Holds(IEnumerable<ReservationAllocation> allocations, IReadOnlyList<StockLine> expandedLines)
    {
        var held = allocations.GroupBy(a => a.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity), StringComparer.Ordinal);
        return held.Count == expandedLines.Count && expandedLines.All(l => held.TryGetValue(l.Sku, out var quantity) && quantity == l.Quantity);
    }

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

/// <summary>What a reservation attempt came to: the units held, or the shortages, or a key already used (<see cref="Replayed"/>).</summary>
internal sealed record ReserveOutcome(List<ReservationAllocation> Allocations, List<StockShortageDto> Shortages)
{
    public static readonly ReserveOutcome Replay = new([], []) { Replayed = true };

    public bool Replayed { get; private init; }
}

/// <summary>Who is reserving, for allocation pools: the channel and the customer's tag (if any).</summary>
internal sealed record PoolScope(string Channel, string? CustomerTag);

/// <summary>Units planned from one stock item, drawn from a pool item (<see cref="PoolItemId"/>) or from general stock (null).</summary>
internal sealed record PlannedHold(long StockItemId, StockKey Key, int Quantity, long? PoolItemId, string? PoolName);
