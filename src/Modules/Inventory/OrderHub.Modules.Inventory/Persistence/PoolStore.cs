using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// Allocation pools in the database: which pool units a channel may draw, the guarded draw (<c>Remaining -= q WHERE
/// Remaining &gt;= q</c>) and the release that hands the remainder back to general stock. Lock order everywhere: pool items
/// before stock items.
/// </summary>
internal sealed class PoolStore(InventoryDbContext db, StockStore stock, PoolChannelsCache channels, TimeProvider clock)
{
    /// <summary>
    /// Pool units the channel (and customer tag) may draw for these SKUs: active pools before their release date, with each
    /// pool's priority and release date (the <see cref="AllocationPlanner"/> orders them). Empty at once (no query) when the
    /// channel has no pool.
    /// </summary>
    public async Task<List<PoolCandidate>> CandidatesAsync(IReadOnlyCollection<string> skus, string channel, string? customerTag, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!(await channels.ChannelsAsync(db, now, cancellationToken)).Contains(channel))
        {
            return [];
        }

        return await (from i in db.AllocationPoolItems
                      join p in db.AllocationPools on i.PoolName equals p.Name
                      where skus.Contains(i.Sku) && i.Remaining > 0 && p.Status == PoolStatus.Active && p.ReleaseAt > now && p.Channel == channel
                            && (p.CustomerTag == null || p.CustomerTag == customerTag)
                      select new PoolCandidate(i.Id, i.PoolName, i.StockItemId, new StockKey(i.Sku, i.LocationCode, i.BinCode, i.Lot), i.Remaining, p.Priority, p.ReleaseAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Units still set aside by active pools, per SKU and location (none queried when no pool is active).</summary>
    public async Task<Dictionary<(string Sku, string LocationCode), int>> PooledAsync(IReadOnlyCollection<string> skus, string? locationCode, CancellationToken cancellationToken)
    {
        if (!await channels.AnyActiveAsync(db, clock.GetUtcNow(), cancellationToken))
        {
            return [];
        }

        var query = from i in db.AllocationPoolItems
                    join p in db.AllocationPools on i.PoolName equals p.Name
                    where skus.Contains(i.Sku) && i.Remaining > 0 && p.Status == PoolStatus.Active
                    select i;
        if (locationCode is not null)
        {
            query = query.Where(i => i.LocationCode == locationCode);
        }

        var rows = await query.GroupBy(i => new { i.Sku, i.LocationCode }).Select(g => new { g.Key.Sku, g.Key.LocationCode, Remaining = g.Sum(i => i.Remaining) })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.Sku, r.LocationCode), r => r.Remaining);
    }

    /// <summary>Units each channel (and customer tag) may still draw from its pools, per SKU: active pools before their release date.</summary>
    public async Task<List<(string Sku, string Channel, string? CustomerTag, int Remaining)>> DrawableAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await channels.AnyActiveAsync(db, now, cancellationToken))
        {
            return [];
        }

        var rows = await (from i in db.AllocationPoolItems
                          join p in db.AllocationPools on i.PoolName equals p.Name
                          where skus.Contains(i.Sku) && i.Remaining > 0 && p.Status == PoolStatus.Active && p.ReleaseAt > now
                          group i by new { i.Sku, p.Channel, p.CustomerTag } into g
                          select new { g.Key.Sku, g.Key.Channel, g.Key.CustomerTag, Remaining = g.Sum(i => i.Remaining) })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.Sku, r.Channel, (string?)r.CustomerTag, r.Remaining));
    }

    /// <summary>Remaining -= qty if at least qty remains.</summary>
    public Task<int> TryDrawAsync(long poolItemId, int quantity, CancellationToken cancellationToken) =>
        db.AllocationPoolItems.Where(i => i.Id == poolItemId && i.Remaining >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Remaining, i => i.Remaining - quantity), cancellationToken);

    /// <summary>Undoes a draw made in this transaction.</summary>
    public Task<int> UndrawAsync(long poolItemId, int quantity, CancellationToken cancellationToken) =>
        db.AllocationPoolItems.Where(i => i.Id == poolItemId && i.Remaining + quantity <= i.Quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Remaining, i => i.Remaining + quantity), cancellationToken);

    /// <summary>
    /// Releases an active pool: status → Released (guarded, so only one caller does it), then each item's remainder goes back
    /// to general stock (Remaining → 0 guarded on the value read, Reserved -= that on the stock item). Returns the units
    /// returned, or null when the pool was not active (already released).
    /// </summary>
    public async Task<int?> ReleaseAsync(string name, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closed = await db.AllocationPools.Where(p => p.Name == name && p.Status == PoolStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PoolStatus.Released).SetProperty(p => p.ReleasedAt, now).SetProperty(p => p.ReleaseReason, reason), cancellationToken);
        if (closed == 0)
        {
            return null;
        }

        var released = 0;
        var items = await db.AllocationPoolItems.AsNoTracking().Where(i => i.PoolName == name).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.StockItemId }).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            while (true)
            {
                var remaining = await db.AllocationPoolItems.Where(i => i.Id == item.Id).Select(i => i.Remaining).FirstAsync(cancellationToken);
                if (remaining == 0)
                {
                    break;
                }

                if (await db.AllocationPoolItems.Where(i => i.Id == item.Id && i.Remaining == remaining)
                        .ExecuteUpdateAsync(u => u.SetProperty(i => i.Remaining, 0), cancellationToken) == 1)
                {
                    if (await stock.UnreserveAsync(item.StockItemId, remaining, cancellationToken) != 1)
                    {
                        throw new InvalidOperationException($"Stock item {item.StockItemId} holds less than the {remaining} set aside by pool '{name}'.");
                    }

                    released += remaining;
                    break;
                }
            }
        }

        channels.Invalidate();
        return released;
    }
}

/// <summary>
/// The channels that have at least one active pool, kept for a few seconds so reservations from channels without pools
/// (most of them) need no pool query. Safe when stale: pool units are reserved on the stock items, so no other channel can
/// take them either way; a stale answer can only make a pool's own channel take general stock for a moment.
/// </summary>
internal sealed class PoolChannelsCache
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _snapshot;

    /// <summary>Channels with an active pool before its release date (those that may draw).</summary>
    public async Task<IReadOnlySet<string>> ChannelsAsync(InventoryDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pools = await ActiveAsync(db, now, cancellationToken);
        return pools.Where(p => p.ReleaseAt > now).Select(p => p.Channel).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether any pool still sets stock aside (views skip the pool query when none does).</summary>
    public async Task<bool> AnyActiveAsync(InventoryDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ActiveAsync(db, now, cancellationToken)).Count > 0;

    public void Invalidate() => _snapshot = null;

    private async Task<IReadOnlyList<(string Channel, DateTimeOffset ReleaseAt)>> ActiveAsync(InventoryDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_snapshot is { } s && s.Until > now)
        {
            return s.Pools;
        }

        var list = await db.AllocationPools.AsNoTracking().Where(p => p.Status == PoolStatus.Active)
            .Select(p => new { p.Channel, p.ReleaseAt }).ToListAsync(cancellationToken);
        var pools = list.ConvertAll(p => (p.Channel, p.ReleaseAt));
        _snapshot = new Snapshot(now + TimeToLive, pools);
        return pools;
    }

    private sealed record Snapshot(DateTimeOffset Until, List<(string Channel, DateTimeOffset ReleaseAt)> Pools);
}
