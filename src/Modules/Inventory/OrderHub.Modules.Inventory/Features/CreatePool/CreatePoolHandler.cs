using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Features.GetPool;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CreatePool;

/// <summary>
/// Sets stock aside: for each line, reserves the quantity on the SKU's stock items at the location (FIFO by lot) with
/// guarded updates, recording which stock items hold it. A line that cannot be met refuses the whole pool (422) and the
/// transaction rolls back every hold already taken, so nothing is half-applied.
/// </summary>
internal sealed class CreatePoolHandler(
    InventoryDbContext db, StockStore stock, PoolChannelsCache channels, TimeProvider clock, ILogger<CreatePoolHandler> logger)
    : ICommandHandler<CreatePoolCommand, PoolDto>
{
    public async ValueTask<PoolDto> Handle(CreatePoolCommand command, CancellationToken cancellationToken)
    {
        var name = command.Name!.Trim();
        var now = clock.GetUtcNow();
        if (await db.AllocationPools.AnyAsync(p => p.Name == name, cancellationToken))
        {
            throw new ConflictException($"An allocation pool named '{name}' already exists.");
        }

        if (command.ReleaseAt!.Value <= now)
        {
            throw new BusinessRuleViolationException("PoolReleaseMustBeInTheFuture", $"The release date {command.ReleaseAt:O} has already passed.");
        }

        var lines = command.Lines!
            .GroupBy(l => (Sku: l.Sku!.Trim(), Location: l.LocationCode!.Trim()))
            .Select(g => (g.Key.Sku, g.Key.Location, Quantity: g.Sum(l => l.Quantity)))
            .OrderBy(l => l.Sku, StringComparer.Ordinal).ThenBy(l => l.Location, StringComparer.Ordinal)
            .ToList();
        var skus = lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        await stock.RequireStockedProductsAsync(skus, cancellationToken);

        foreach (var location in lines.Select(l => l.Location).Distinct(StringComparer.Ordinal))
        {
            await stock.RequireLocationAsync(location, cancellationToken);
        }

        var items = new List<AllocationPoolItem>();
        foreach (var (sku, location, quantity) in lines)
        {
            var taken = await stock.TakeAsync(sku, location, lot: null, quantity, stock.TryReserveAsync, cancellationToken);
            var held = taken.Sum(t => t.Quantity);
            if (held < quantity)
            {
                // Thrown inside the unit of work: every hold taken above is rolled back with it.
                throw new BusinessRuleViolationException("PoolWithinAvailableStock",
                    $"Only {held} of the {quantity} unit(s) of '{sku}' at '{location}' are available to set aside.");
            }

            items.AddRange(taken.Select(t => new AllocationPoolItem(name, t.Item.Id, sku, location, t.Item.Key.BinCode, t.Item.Key.Lot, t.Quantity)));
        }

        var channel = command.Channel!.Trim();
        var customerTag = string.IsNullOrWhiteSpace(command.CustomerTag) ? null : command.CustomerTag.Trim();
        var pool = AllocationPool.Create(name, channel, customerTag, command.Priority, command.ReleaseAt.Value, now, items);
        db.AllocationPools.Add(pool);
        var dto = GetPoolHandler.ToDto(pool);
        channels.Invalidate();
        logger.LogInformation("Allocation pool {PoolName} sets aside {Units} unit(s) for channel {Channel} until {ReleaseAt}",
            name, items.Sum(i => i.Quantity), channel, command.ReleaseAt.Value);
        return dto;
    }
}
