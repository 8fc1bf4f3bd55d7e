using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CommitStock;

/// <summary>
/// On shipment: on-hand and reserved both drop by what the key holds (or, for one shipment of a split order, what it
/// holds at one location), and one ledger row per stock item is written.
/// </summary>
internal sealed class CommitStockHandler(InventoryDbContext db, ReservationStore reservations, StockStore stock, TimeProvider clock, ILogger<CommitStockHandler> logger)
    : ICommandHandler<CommitStockCommand, bool>
{
    public async ValueTask<bool> Handle(CommitStockCommand command, CancellationToken cancellationToken) =>
        command.LocationCode is null ? await CommitAllAsync(command.ReservationKey, cancellationToken) : await CommitAtAsync(command, cancellationToken);

    private async Task<bool> CommitAllAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await reservations.TryCloseAsync(key, ReservationStatus.Committed, "Shipped", now, cancellationToken))
        {
            return await AlreadyCommittedAsync(key, cancellationToken);
        }

        foreach (var allocation in ReservationStore.InLockOrder(await reservations.AllocationsAsync(key, cancellationToken)))
        {
            await CommitAsync(allocation, $"reservation:{key}", now, cancellationToken);
        }

        logger.LogInformation("Reservation {ReservationKey} committed (shipped)", key);
        return true;
    }

    /// <summary>The units held at one location leave; the rest stay held for the order's other shipments.</summary>
    private async Task<bool> CommitAtAsync(CommitStockCommand command, CancellationToken cancellationToken)
    {
        var (key, location) = (command.ReservationKey, command.LocationCode!);
        var reference = command.Reference ?? $"reservation:{key}@{location}";
        if (await db.StockMovements.AnyAsync(m => m.Reference == reference && m.Type == StockMovementType.Commit, cancellationToken))
        {
            return false;
        }

        var status = await db.Reservations.Where(r => r.Key == key).Select(r => (ReservationStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Reservation", key);
        if (status != ReservationStatus.Active)
        {
            return await AlreadyCommittedAsync(key, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var held = await db.ReservationAllocations.Where(a => a.ReservationKey == key).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var allocation in ReservationStore.InLockOrder(held.Where(a => a.LocationCode == location)))
        {
            await CommitAsync(allocation, reference, now, cancellationToken);
            db.ReservationAllocations.Remove(allocation);
        }

        if (held.All(a => a.LocationCode == location) && !await reservations.TryCloseAsync(key, ReservationStatus.Committed, "Shipped", now, cancellationToken))
        {
            throw new ConflictException($"Reservation '{key}' was closed while its {location} units were being committed.");
        }

        logger.LogInformation("Reservation {ReservationKey}: units at {LocationCode} committed (shipped, {Reference})", key, location, reference);
        return true;
    }

    private async Task CommitAsync(ReservationAllocation allocation, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await stock.CommitAsync(allocation.StockItemId, allocation.Quantity, cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Stock item {allocation.StockItemId} holds less than the {allocation.Quantity} reserved by '{allocation.ReservationKey}'.");
        }

        db.StockMovements.Add(StockMovement.Record(StockMovementType.Commit,
            new StockKey(allocation.Sku, allocation.LocationCode, allocation.BinCode, allocation.Lot), -allocation.Quantity, reference, now));
    }

    private async Task<bool> AlreadyCommittedAsync(string key, CancellationToken cancellationToken)
    {
        var status = await db.Reservations.Where(r => r.Key == key).Select(r => (ReservationStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Reservation", key);
        return status == ReservationStatus.Committed
            ? false
            : throw new BusinessRuleViolationException("ReservationMustBeActive", $"Reservation '{key}' is {status}: there is no stock held to ship.");
    }
}
