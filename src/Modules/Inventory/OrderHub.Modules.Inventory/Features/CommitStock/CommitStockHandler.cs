using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CommitStock;

/// <summary>On shipment: on-hand and reserved both drop by what the key holds, and one ledger row per stock item is written.</summary>
internal sealed class CommitStockHandler(InventoryDbContext db, ReservationStore reservations, StockStore stock, TimeProvider clock, ILogger<CommitStockHandler> logger)
    : ICommandHandler<CommitStockCommand, bool>
{
    public async ValueTask<bool> Handle(CommitStockCommand command, CancellationToken cancellationToken)
    {
        var key = command.ReservationKey;
        var now = clock.GetUtcNow();
        if (!await reservations.TryCloseAsync(key, ReservationStatus.Committed, "Shipped", now, cancellationToken))
        {
            var status = await db.Reservations.Where(r => r.Key == key).Select(r => (ReservationStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Reservation", key);
            return status == ReservationStatus.Committed
                ? false
                : throw new BusinessRuleViolationException("ReservationMustBeActive", $"Reservation '{key}' is {status}: there is no stock held to ship.");
        }

        foreach (var allocation in await reservations.AllocationsAsync(key, cancellationToken))
        {
            if (await stock.CommitAsync(allocation.StockItemId, allocation.Quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Stock item {allocation.StockItemId} holds less than the {allocation.Quantity} reserved by '{key}'.");
            }

            db.StockMovements.Add(StockMovement.Record(StockMovementType.Commit,
                new StockKey(allocation.Sku, allocation.LocationCode, allocation.BinCode, allocation.Lot), -allocation.Quantity, $"reservation:{key}", now));
        }

        logger.LogInformation("Reservation {ReservationKey} committed (shipped)", key);
        return true;
    }
}
