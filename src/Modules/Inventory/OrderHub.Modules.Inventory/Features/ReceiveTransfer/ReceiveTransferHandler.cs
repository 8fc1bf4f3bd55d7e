using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Features.TransferStock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReceiveTransfer;

/// <summary>Receives a transfer in transit at its destination, lot by lot. Receiving twice is a conflict (409), never a double count.</summary>
internal sealed class ReceiveTransferHandler(InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<ReceiveTransferHandler> logger)
    : ICommandHandler<ReceiveTransferCommand, StockTransferDto>
{
    public async ValueTask<StockTransferDto> Handle(ReceiveTransferCommand command, CancellationToken cancellationToken)
    {
        var transfer = await db.StockTransfers.AsNoTracking().Include(t => t.Lines).SingleOrDefaultAsync(t => t.Id == command.TransferId, cancellationToken)
            ?? throw new NotFoundException("Transfer", command.TransferId.ToString());
        var bins = await stock.RequireLocationAsync(transfer.ToLocationCode, cancellationToken);
        var bin = StockStore.ResolveBin(transfer.ToLocationCode, bins, command.Bin?.Trim());
        var now = clock.GetUtcNow();

        // The status change is the guard: of two concurrent receives only one moves the transfer out of InTransit.
        var moved = await db.StockTransfers.Where(t => t.Id == transfer.Id && t.Status == StockTransferStatus.InTransit)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, StockTransferStatus.Received).SetProperty(t => t.ReceivedAt, now).SetProperty(t => t.ReceivedBinCode, bin), cancellationToken);
        if (moved == 0)
        {
            throw new ConflictException($"Transfer {transfer.Id} was already received.");
        }

        foreach (var line in transfer.Lines)
        {
            var key = new StockKey(transfer.Sku, transfer.ToLocationCode, bin, line.Lot);
            await stock.AddOnHandAsync(key, line.Quantity, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            db.StockMovements.Add(StockMovement.Record(StockMovementType.TransferIn, key, line.Quantity, $"transfer:{transfer.Id}", now));
        }

        db.AddIntegrationEvent(new StockArrivedIntegrationEvent(transfer.ToLocationCode, [transfer.Sku], $"transfer:{transfer.Id}")); // serves waiting backorders
        logger.LogInformation("Transfer {TransferId}: {Quantity} x {Sku} received at {To}/{Bin}", transfer.Id, transfer.Quantity, transfer.Sku, transfer.ToLocationCode, bin);
        var received = await db.StockTransfers.AsNoTracking().Include(t => t.Lines).SingleAsync(t => t.Id == transfer.Id, cancellationToken);
        return StockTransferDto.From(received);
    }
}
