using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetPool;

internal sealed class GetPoolHandler(InventoryDbContext db) : IQueryHandler<GetPoolQuery, PoolDto>
{
    public async ValueTask<PoolDto> Handle(GetPoolQuery query, CancellationToken cancellationToken)
    {
        var pool = await db.AllocationPools.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Name == query.Name, cancellationToken)
            ?? throw new NotFoundException("Allocation pool", query.Name);
        var drawn = await db.ReservationAllocations.AsNoTracking().Where(a => a.PoolName == query.Name)
            .GroupBy(a => new { a.Sku, a.LocationCode }).Select(g => new { g.Key.Sku, g.Key.LocationCode, Quantity = g.Sum(a => a.Quantity) })
            .ToListAsync(cancellationToken);
        return ToDto(pool, drawn.ToDictionary(d => (d.Sku, d.LocationCode), d => d.Quantity));
    }

    public static PoolDto ToDto(AllocationPool pool, IReadOnlyDictionary<(string, string), int>? drawn = null)
    {
        var lines = pool.Items
            .GroupBy(i => (i.Sku, i.LocationCode))
            .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.LocationCode, StringComparer.Ordinal)
            .Select(g => new PoolLineDto(g.Key.Sku, g.Key.LocationCode, g.Sum(i => i.Quantity), g.Sum(i => i.Remaining),
                drawn is not null && drawn.TryGetValue(g.Key, out var d) ? d : 0))
            .ToList();
        return new PoolDto(pool.Name, pool.Channel, pool.CustomerTag, pool.Priority, pool.ReleaseAt, pool.Status.ToString(), pool.CreatedAt, pool.ReleasedAt,
            lines.Sum(l => l.Quantity), lines.Sum(l => l.Remaining), lines);
    }
}
