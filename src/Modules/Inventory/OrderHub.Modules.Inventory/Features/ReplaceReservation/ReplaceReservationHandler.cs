using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReplaceReservation;

/// <summary>
/// Replaces an active reservation's lines with a new complete set, all or nothing: the old holds are given back, the
/// new set allocated, and if it falls short the new holds are given back and the old ones re-taken (the rows are still
/// locked by this transaction, so that cannot fail). The old allocations stay exactly as they were.
/// </summary>
internal sealed class ReplaceReservationHandler(InventoryDbContext db, ReservationStore reservations, StockStore stock, TimeProvider clock, ILogger<ReplaceReservationHandler> logger)
    : ICommandHandler<ReplaceReservationCommand, StockReservationDto>
{
    public async ValueTask<StockReservationDto> Handle(ReplaceReservationCommand command, CancellationToken cancellationToken)
    {
        var key = command.ReservationKey;
        var now = clock.GetUtcNow();

        // Lock the reservation row first (a no-op update) so a concurrent release or commit waits for us.
        var locked = await db.Reservations.Where(r => r.Key == key && r.Status == ReservationStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (locked == 0)
        {
            var status = await db.Reservations.Where(r => r.Key == key).Select(r => (ReservationStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Reservation", key);
            throw new BusinessRuleViolationException("ReservationMustBeActive", $"Reservation '{key}' is {status} and can no longer change.");
        }

        ReservationStore.RequireLines(command.Lines);
        var lines = await reservations.ExpandAsync(command.Lines, cancellationToken);
        var old = await reservations.AllocationsAsync(key, cancellationToken);
        if (command.MoveOnly && !ReservationStore.HoldsSameUnits(old, lines))
        {
            throw new BusinessRuleViolationException("ReservationChanged", $"Reservation '{key}' no longer holds these units; read it again before moving it.");
        }

        if (command.MoveOnly && old.All(a => a.PoolName is null) && ReservationStore.Holds(old, lines))
        {
            // Already held where it ships from (every order of a one-warehouse winery): giving the units back and taking
            // them again would only hold the busiest stock rows' locks longer.
            return ReservationStore.Reserved(key, old);
        }

        await reservations.GiveBackAsync(old, cancellationToken);
        var (allocations, shortages) = await reservations.AllocateAsync(key, lines, cancellationToken);
        if (shortages.Count > 0)
        {
            foreach (var allocation in old)
            {
                if (await stock.TryReserveAsync(allocation.StockItemId, allocation.Quantity, cancellationToken) != 1)
                {
                    throw new InvalidOperationException($"Could not restore reservation '{key}' on stock item {allocation.StockItemId}.");
                }
            }

            logger.LogInformation("Reservation {ReservationKey} kept as it was: the new lines are short of {Shortages}", key,
                string.Join(", ", shortages.Select(s => $"{s.Sku} ({s.Available}/{s.Requested})")));
            return new StockReservationDto(key, false, [.. old.Select(a => new ReservedStockDto(a.Sku, a.LocationCode, a.BinCode, a.Lot, a.Quantity))], shortages);
        }

        await db.ReservationAllocations.Where(a => a.ReservationKey == key).ExecuteDeleteAsync(cancellationToken);
        db.ReservationAllocations.AddRange(allocations);
        logger.LogInformation("Reservation {ReservationKey} replaced: now {Units} unit(s) in {Allocations} allocation(s)", key, allocations.Sum(a => a.Quantity), allocations.Count);
        return ReservationStore.Reserved(key, allocations);
    }
}
