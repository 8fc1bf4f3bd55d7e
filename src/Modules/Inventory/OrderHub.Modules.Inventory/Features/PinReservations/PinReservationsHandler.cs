using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.PinReservations;

/// <summary>
/// Re-points a wave's holds at the location onto the bins and lots the pick list names: the reservations are locked
/// (a release or commit racing the wave waits), the old holds of every pinned (reservation, SKU) are given back (what
/// the pins leave out stays given back) and the named stock items held with guarded updates in id order. A guard that falls short means the stock
/// moved since the wave read it: a conflict, and the transaction undoes everything.
/// </summary>
internal sealed class PinReservationsHandler(InventoryDbContext db, ReservationStore reservations, StockStore stock, TimeProvider clock, ILogger<PinReservationsHandler> logger)
    : ICommandHandler<PinReservationsCommand>
{
    public async ValueTask<Unit> Handle(PinReservationsCommand command, CancellationToken cancellationToken)
    {
        var location = command.LocationCode;
        var now = clock.GetUtcNow();
        var keys = command.Pins.Select(p => p.ReservationKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            var locked = await db.Reservations.Where(r => r.Key == key && r.Status == ReservationStatus.Active)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAt, now), cancellationToken);
            if (locked == 0)
            {
                throw new BusinessRuleViolationException("ReservationMustBeActive", $"Reservation '{key}' is not active: its stock can no longer be picked.");
            }
        }

        var pinned = command.Pins.Select(p => (p.ReservationKey, p.Sku)).ToHashSet();
        var old = (await db.ReservationAllocations.Where(a => keys.Contains(a.ReservationKey) && a.LocationCode == location).ToListAsync(cancellationToken))
            .Where(a => pinned.Contains((a.ReservationKey, a.Sku)))
            .ToList();
        foreach (var group in command.Pins.GroupBy(p => (p.ReservationKey, p.Sku)))
        {
            var holds = old.Where(a => (a.ReservationKey, a.Sku) == group.Key).Sum(a => a.Quantity);
            if (holds < group.Sum(p => p.Quantity))
            {
                throw new BusinessRuleViolationException("ReservationChanged",
                    $"Reservation '{group.Key.ReservationKey}' holds {holds} of {group.Key.Sku} at {location}, fewer than {group.Sum(p => p.Quantity)}; read it again.");
            }
        }

        var skus = command.Pins.Select(p => p.Sku).Distinct(StringComparer.Ordinal).ToList();
        var items = await db.StockItems.AsNoTracking().Where(s => s.LocationCode == location && skus.Contains(s.Sku))
            .Select(s => new { s.Id, s.Sku, s.BinCode, s.Lot }).ToListAsync(cancellationToken);
        var idOf = items.ToDictionary(s => (s.Sku, s.BinCode, s.Lot), s => s.Id);

        await reservations.GiveBackAsync(old, cancellationToken);
        db.ReservationAllocations.RemoveRange(old);
        var pools = old.GroupBy(a => (a.ReservationKey, a.Sku)).ToDictionary(g => g.Key, g => g.Select(a => a.PoolName).Distinct().ToList());
        var pins = command.Pins
            .Where(p => p.Quantity > 0)
            .GroupBy(p => (p.ReservationKey, p.Sku, p.Bin, p.Lot))
            .Select(g => (Pin: g.Key, Quantity: g.Sum(p => p.Quantity), StockItemId: idOf.TryGetValue((g.Key.Sku, g.Key.Bin, g.Key.Lot), out var id)
                ? id
                : throw new BusinessRuleViolationException("PinMustNameStock", $"There is no lot '{g.Key.Lot}' of {g.Key.Sku} in bin {g.Key.Bin} at {location}.")))
            .OrderBy(p => p.StockItemId)
            .ToList();
        foreach (var (pin, quantity, stockItemId) in pins)
        {
            if (await stock.TryReserveAsync(stockItemId, quantity, cancellationToken) != 1)
            {
                throw new ConflictException($"Lot '{pin.Lot}' of {pin.Sku} in bin {pin.Bin} at {location} no longer has {quantity} unit(s) free; build the pick list again.");
            }

            var pool = pools[(pin.ReservationKey, pin.Sku)] is [var only] ? only : null; // a single pool's draw stays that pool's
            db.ReservationAllocations.Add(new ReservationAllocation(pin.ReservationKey, stockItemId, pin.Sku, location, pin.Bin, pin.Lot, quantity, pool));
        }

        var released = old.Sum(a => a.Quantity) - pins.Sum(p => p.Quantity);
        logger.LogInformation("Pinned {Units} unit(s) of {Reservations} reservation(s) to their bins and lots at {LocationCode}; {Released} unpickable unit(s) given back",
            pins.Sum(p => p.Quantity), keys.Count, location, released);
        return Unit.Value;
    }
}
