using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.TransferStock;

/// <summary>
/// Ships a transfer: takes unreserved units at the source with guarded updates, FIFO by lot. More than is available is
/// refused (422) and, as the refusal rolls the command's transaction back, nothing is half-applied.
/// </summary>
internal sealed class TransferStockHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<TransferStockHandler> logger)
    : ICommandHandler<TransferStockCommand, StockTransferDto>
{
    public async ValueTask<StockTransferDto> Handle(TransferStockCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!.Trim();
        var from = command.FromLocationCode!.Trim();
        var to = command.ToLocationCode!.Trim();
        await stock.RequireProductsAsync([sku], cancellationToken);
        await stock.RequireLocationAsync(from, cancellationToken);
        await stock.RequireLocationAsync(to, cancellationToken);

        var lot = string.IsNullOrWhiteSpace(command.Lot) ? null : command.Lot.Trim();
        var taken = await stock.TakeAsync(sku, from, lot, command.Quantity, stock.TryRemoveAvailableAsync, cancellationToken);
        var total = taken.Sum(t => t.Quantity);
        if (total < command.Quantity)
        {
            throw new BusinessRuleViolationException("TransferWithinAvailableStock",
                $"Cannot transfer {command.Quantity} x {sku} from {from}{(lot is null ? string.Empty : $" lot '{lot}'")}: only {total} available (unreserved).");
        }

        var now = clock.GetUtcNow();
        var transfer = StockTransfer.Ship(Guid.CreateVersion7(now), sku, from, to, taken.Select(t => (t.Item.Key.BinCode, t.Item.Key.Lot, t.Quantity)), now);
        db.StockTransfers.Add(transfer);
        foreach (var (item, quantity) in taken)
        {
            db.StockMovements.Add(StockMovement.Record(StockMovementType.TransferOut, item.Key, -quantity, $"transfer:{transfer.Id}", now));
        }

        var dto = StockTransferDto.From(transfer);
        logger.LogInformation("Transfer {TransferId}: {Quantity} x {Sku} shipped from {From} to {To}", transfer.Id, command.Quantity, sku, from, to);
        return dto;
    }
}
