using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReleaseDuePools;

internal sealed class ReleaseDuePoolsHandler(InventoryDbContext db, PoolStore pools, TimeProvider clock, ILogger<ReleaseDuePoolsHandler> logger)
    : ICommandHandler<ReleaseDuePoolsCommand, int>
{
    public async ValueTask<int> Handle(ReleaseDuePoolsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.AllocationPools.AsNoTracking().Where(p => p.Status == PoolStatus.Active && p.ReleaseAt <= now)
            .OrderBy(p => p.ReleaseAt).Select(p => p.Name).Take(command.BatchSize).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var name in due)
        {
            if (await pools.ReleaseAsync(name, "Release date reached", now, cancellationToken) is { } units)
            {
                count++;
                logger.LogInformation("Allocation pool {PoolName} reached its release date: {Units} unit(s) back to general stock", name, units);
            }
        }

        return count;
    }
}
