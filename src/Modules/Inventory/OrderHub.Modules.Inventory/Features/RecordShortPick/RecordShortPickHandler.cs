using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.RecordShortPick;

/// <summary>
/// Units a picker did not find are not there: the stock item loses them from on-hand and reserved together (so nothing
/// else is promised them), the ledger says why, and the reservation holds that much less. Once per reference.
/// </summary>
internal sealed class RecordShortPickHandler(InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<RecordShortPickHandler> logger)
    : ICommandHandler<RecordShortPickCommand>
{
    public const string Reason = "ShortPick";

    public async ValueTask<Unit> Handle(RecordShortPickCommand command, CancellationToken cancellationToken)
    {
        if (await db.StockMovements.AnyAsync(m => m.Reference == command.Reference && m.Reason == Reason && m.Sku == command.Sku && m.Lot == command.Lot, cancellationToken))
        {
            return Unit.Value;
        }

        var allocation = await db.ReservationAllocations
            .Where(a => a.ReservationKey == command.ReservationKey && a.LocationCode == command.LocationCode && a.Sku == command.Sku && a.Quantity >= command.Missing)
            .OrderByDescending(a => a.BinCode == command.Bin && a.Lot == command.Lot) // the named lot; else (its pin failed) another hold of the SKU there
            .ThenBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new BusinessRuleViolationException("ShortPickMustBeHeld",
                $"Reservation '{command.ReservationKey}' does not hold {command.Missing} of {command.Sku} at {command.LocationCode}.");
        if (await stock.CommitAsync(allocation.StockItemId, command.Missing, cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Stock item {allocation.StockItemId} holds less than the {command.Missing} reserved by '{command.ReservationKey}'.");
        }

        allocation.Reduce(command.Missing);
        if (allocation.Quantity == 0)
        {
            db.ReservationAllocations.Remove(allocation);
        }

        var key = new StockKey(command.Sku, command.LocationCode, allocation.BinCode, allocation.Lot);
        db.StockMovements.Add(StockMovement.Record(StockMovementType.Adjustment, key, -command.Missing, command.Reference, clock.GetUtcNow(), Reason,
            $"Not found when picking for {command.ReservationKey}"));
        logger.LogWarning("Short pick: {Missing} x {Sku} lot {Lot} missing from {LocationCode}/{Bin} ({Reference})",
            command.Missing, command.Sku, command.Lot, command.LocationCode, command.Bin, command.Reference);
        return Unit.Value;
    }
}
