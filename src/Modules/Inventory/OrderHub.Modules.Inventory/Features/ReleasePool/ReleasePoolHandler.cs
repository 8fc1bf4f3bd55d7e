using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReleasePool;

internal sealed class ReleasePoolHandler(InventoryDbContext db, PoolStore pools, TimeProvider clock, ILogger<ReleasePoolHandler> logger)
    : ICommandHandler<ReleasePoolCommand, PoolReleaseDto>
{
    public async ValueTask<PoolReleaseDto> Handle(ReleasePoolCommand command, CancellationToken cancellationToken)
    {
        if (!await db.AllocationPools.AnyAsync(p => p.Name == command.Name, cancellationToken))
        {
            throw new NotFoundException("Allocation pool", command.Name);
        }

        var released = await pools.ReleaseAsync(command.Name, command.Reason, clock.GetUtcNow(), cancellationToken);
        if (released is { } units)
        {
            logger.LogInformation("Allocation pool {PoolName} released: {Units} unit(s) back to general stock ({Reason})", command.Name, units, command.Reason);
        }

        return new PoolReleaseDto(command.Name, "Released", released ?? 0);
    }
}
