using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Reservations;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// Reservations: all-or-nothing holds of several lines, planned by the <see cref="AllocationPlanner"/> and applied by the
/// provider's <see cref="IStockWriter"/> with guarded updates; their release, commit and replacement.
/// </summary>
internal sealed class ReservationStore(
    InventoryDbContext db, IStockWriter writer, StockStore stock, PoolStore pools, AllocationPlanner planner, CatalogFactsCache catalog)
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
                var at = l.LocationCode?.Trim();
                return kit.Count == 0 ? [new StockLine(sku, l.Quantity, at)] : kit.Select(c => new StockLine(c.ComponentSku, c.Quantity * l.Quantity, at));
            })
            .GroupBy(l => (l.Sku, l.LocationCode))
            .Select(g => new StockLine(g.Key.Sku, g.Sum(l => l.Quantity), g.Key.LocationCode))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)
            .ThenBy(l => l.LocationCode, StringComparer.Ordinal)];
    }

    private const int PlannedAttempts = 16;

    /// <summary>
    /// The hot path: holds every line or none and saves the reservation, unless the key already names one (then
    /// <see cref="ReserveOutcome.Replayed"/>: the caller answers with what that reservation holds). The key check rides with
    /// the first snapshot read; see <see cref="HoldAsync"/> for the rest.
    /// </summary>
    public async Task<ReserveOutcome> ReserveAsync(
        string reservationKey, IReadOnlyList<StockLine> lines, PoolScope scope, Func<List<ReservationAllocation>, Reservation> create, CancellationToken cancellationToken)
    {
        var (keyUsed, stock) = await writer.ReadAsync(reservationKey, [.. lines.Select(l => l.Sku)], cancellationToken);
        return keyUsed ? ReserveOutcome.Replay : await HoldAsync(reservationKey, lines, scope, create, stock, cancellationToken);
    }

    /// <summary>Holds every line or none from general stock (no pools). On success returns the allocations (not yet added to the context).</summary>
    public async Task<(List<ReservationAllocation> Allocations, List<StockShortageDto> Shortages)> AllocateAsync(
        string reservationKey, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken)
    {
        var outcome = await HoldAsync(reservationKey, lines, scope: null, create: null, firstRead: null, cancellationToken);
        return (outcome.Allocations, outcome.Shortages);
    }

    /// <summary>
    /// Plans the lines with the <see cref="AllocationPlanner"/> over a snapshot (the channel's pool units when a scope is
    /// given, and general stock), then has the <see cref="IStockWriter"/> save the reservation (when <paramref name="create"/>
    /// is given) and apply every hold with guarded updates in lock order, so a stock row's lock is held only from those
    /// updates to the commit. If a guard falls short (someone took the stock since the read) the writer gives back what
    /// applied and the lines are planned again from a fresh snapshot. Never oversells: the database decides every unit.
    /// </summary>
    private async Task<ReserveOutcome> HoldAsync(
        string reservationKey, IReadOnlyList<StockLine> lines, PoolScope? scope, Func<List<ReservationAllocation>, Reservation>? create,
        List<StockCandidate>? firstRead, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Stock is held inside the command's transaction (the unit of work): none is open.");
        }

        List<string> skus = [.. lines.Select(l => l.Sku)];
        for (var attempt = 1; attempt <= PlannedAttempts; attempt++)
        {
            var pooled = scope is null ? [] : await pools.CandidatesAsync(skus, scope.Channel, scope.CustomerTag, cancellationToken);
            var stock = firstRead ?? (await writer.ReadAsync(null, skus, cancellationToken)).Stock;
            firstRead = null;
            var plan = planner.Plan(lines, new AvailabilitySnapshot(stock, pooled));
            if (!plan.IsComplete)
            {
                return new ReserveOutcome([], [.. plan.Shortages]);
            }

            var allocations = plan.Holds.Select(h =>
                new ReservationAllocation(reservationKey, h.StockItemId, h.Key.Sku, h.Key.LocationCode, h.Key.BinCode, h.Key.Lot, h.Quantity, h.PoolName)).ToList();
            if (await writer.TryHoldAllAsync(create?.Invoke(allocations), plan.Holds, cancellationToken))
            {
                return new ReserveOutcome(allocations, []);
            }
        }

        throw new ConflictException($"The stock for '{reservationKey}' kept changing while it was being held; try again.");
    }

    /// <summary>Reserved -= each allocation's quantity (release, or undo of a partial allocation), in <see cref="InLockOrder"/>.</summary>
    public async Task GiveBackAsync(IEnumerable<ReservationAllocation> allocations, CancellationToken cancellationToken)
    {
        foreach (var allocation in InLockOrder(allocations))
        {
            if (await stock.UnreserveAsync(allocation.StockItemId, allocation.Quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Stock item {allocation.StockItemId} holds less than the {allocation.Quantity} reserved by '{allocation.ReservationKey}'.");
            }
        }
    }

    /// <summary>
    /// Allocations in the order every writer locks stock rows (by stock item id, as <see cref="IStockWriter"/> holds them).
    /// A release or commit that updated them in the order they were made could lock two hot rows the other way round
    /// from a checkout reserving both, and PostgreSQL would abort one of the two as a deadlock.
    /// </summary>
    public static IEnumerable<ReservationAllocation> InLockOrder(IEnumerable<ReservationAllocation> allocations) =>
        allocations.OrderBy(a => a.StockItemId).ThenBy(a => a.Id);

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
        var list = allocations as IReadOnlyCollection<ReservationAllocation> ?? [.. allocations];
        return HoldsSameUnits(list, expandedLines)
            && expandedLines.Where(l => l.LocationCode is not null).All(l =>
                list.Where(a => a.Sku == l.Sku && a.LocationCode == l.LocationCode).Sum(a => a.Quantity) == l.Quantity);
    }

    /// <summary>True when the allocations hold as many units of each SKU as the lines, wherever they are held.</summary>
    public static bool HoldsSameUnits(IEnumerable<ReservationAllocation> allocations, IReadOnlyList<StockLine> expandedLines)
    {
        var held = allocations.GroupBy(a => a.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity), StringComparer.Ordinal);
        var wanted = expandedLines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        return held.Count == wanted.Count && wanted.All(w => held.GetValueOrDefault(w.Key) == w.Value);
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
