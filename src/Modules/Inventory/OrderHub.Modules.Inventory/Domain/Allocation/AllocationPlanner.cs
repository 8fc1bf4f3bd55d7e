using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Domain.Allocation;

/// <summary>
/// The one allocation policy of Inventory, pure (no database): for each line, first the pool units the reserving channel
/// may draw (higher priority first, then the pool released soonest, then id), then general stock in the order the
/// <see cref="ILocationPreference"/> gives; a line that names a location (sourcing's choice) takes only from there. Returns the holds to apply, or the lines that cannot be met with what could
/// have been held. Never plans more than a snapshot row offers, even when a SKU appears on several lines. The database
/// still decides: the plan is applied with guarded updates and redone from a fresh snapshot when one falls short.
/// </summary>
internal sealed class AllocationPlanner(ILocationPreference preference)
{
    /// <summary>The planner with today's preference (<see cref="ConsumerLocationsFirst"/>).</summary>
    public static AllocationPlanner Default { get; } = new(new ConsumerLocationsFirst());

    public AllocationPlan Plan(IReadOnlyList<StockLine> lines, AvailabilitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(snapshot);
        var holds = new List<PlannedHold>();
        var shortages = new List<StockShortageDto>();
        var pools = snapshot.Pools.ToLookup(p => p.Key.Sku, StringComparer.Ordinal);
        var stock = snapshot.Stock.ToLookup(s => s.Key.Sku, StringComparer.Ordinal);
        var poolUsed = new Dictionary<long, int>();
        var stockUsed = new Dictionary<long, int>();
        foreach (var line in lines)
        {
            var remaining = line.Quantity;
            foreach (var pool in At(line, pools[line.Sku]).OrderByDescending(p => p.Priority).ThenBy(p => p.ReleaseAt).ThenBy(p => p.Id))
            {
                var amount = Take(poolUsed, pool.Id, pool.Remaining, remaining);
                if (amount > 0)
                {
                    holds.Add(new PlannedHold(pool.StockItemId, pool.Key, amount, pool.Id, pool.PoolName));
                    remaining -= amount;
                }
            }

            foreach (var candidate in preference.Order(At(line, stock[line.Sku])))
            {
                var amount = Take(stockUsed, candidate.Id, candidate.Available, remaining);
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

        return new AllocationPlan(holds, shortages);
    }

    private static IEnumerable<StockCandidate> At(StockLine line, IEnumerable<StockCandidate> candidates) =>
        line.LocationCode is not { } code ? candidates : candidates.Where(c => c.Key.LocationCode == code);

    private static IEnumerable<PoolCandidate> At(StockLine line, IEnumerable<PoolCandidate> candidates) =>
        line.LocationCode is not { } code ? candidates : candidates.Where(c => c.Key.LocationCode == code);

    /// <summary>Up to <paramref name="wanted"/> of what a row still offers in this plan (never below zero), recorded as used.</summary>
    private static int Take(Dictionary<long, int> used, long id, int offered, int wanted)
    {
        var amount = Math.Min(wanted, offered - used.GetValueOrDefault(id));
        if (amount <= 0)
        {
            return 0;
        }

        used[id] = used.GetValueOrDefault(id) + amount;
        return amount;
    }
}

/// <summary>
/// Where stock is taken from first: orders one SKU's stock items, most preferred first. The seam Fulfillment's sourcing
/// replaces (it will choose the ship-from location); Inventory keeps no second policy.
/// </summary>
internal interface ILocationPreference
{
    IEnumerable<StockCandidate> Order(IEnumerable<StockCandidate> candidates);
}

/// <summary>Today's order: locations that ship to consumers first, then FIFO by lot (ordinal), then stock item id.</summary>
internal sealed class ConsumerLocationsFirst : ILocationPreference
{
    public IEnumerable<StockCandidate> Order(IEnumerable<StockCandidate> candidates) =>
        candidates.OrderByDescending(c => c.ShipsToConsumers).ThenBy(c => c.Key.Lot, StringComparer.Ordinal).ThenBy(c => c.Id);
}

/// <summary>What may be allocated, as read: general stock per stock item and the pool units the reserving channel may draw.</summary>
internal sealed record AvailabilitySnapshot(IReadOnlyList<StockCandidate> Stock, IReadOnlyList<PoolCandidate> Pools)
{
    public static AvailabilitySnapshot Of(IReadOnlyList<StockCandidate> stock) => new(stock, []);
}

/// <summary>A stock item that may be allocated, with the units available (on hand − reserved) when it was read.</summary>
internal sealed record StockCandidate(long Id, StockKey Key, int Available, bool ShipsToConsumers);

/// <summary>Units of one pool item a reservation may draw, as read, with its pool's priority and release date.</summary>
internal sealed record PoolCandidate(long Id, string PoolName, long StockItemId, StockKey Key, int Remaining, int Priority, DateTimeOffset ReleaseAt);

/// <summary>Units planned from one stock item, drawn from a pool item (<see cref="PoolItemId"/>) or from general stock (null).</summary>
internal sealed record PlannedHold(long StockItemId, StockKey Key, int Quantity, long? PoolItemId, string? PoolName);

/// <summary>The holds that meet every line, or the lines that fall short (then the holds are not to be applied).</summary>
internal sealed record AllocationPlan(IReadOnlyList<PlannedHold> Holds, IReadOnlyList<StockShortageDto> Shortages)
{
    public bool IsComplete => Shortages.Count == 0;
}
