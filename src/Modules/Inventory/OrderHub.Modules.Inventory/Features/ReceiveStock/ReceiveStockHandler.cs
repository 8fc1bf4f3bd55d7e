using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReceiveStock;

/// <summary>Puts received units on hand in a bin and lot, and writes the receipt to the ledger.</summary>
internal sealed class ReceiveStockHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<ReceiveStockHandler> logger)
    : ICommandHandler<ReceiveStockCommand, StockReceiptDto>
{
    public async ValueTask<StockReceiptDto> Handle(ReceiveStockCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!.Trim();
        var locationCode = command.LocationCode!.Trim();
        var product = await db.Products.AsNoTracking().Include(p => p.Components).SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken)
            ?? throw new BusinessRuleViolationException("SkuMustExist", $"SKU '{sku}' is not in the catalog.");
        if (product.IsBundle)
        {
            throw new BusinessRuleViolationException("KitsHoldNoStock", $"SKU '{sku}' is a kit: receive its components instead.");
        }

        var bins = await stock.RequireLocationAsync(locationCode, cancellationToken);
        var key = new StockKey(sku, locationCode, StockStore.ResolveBin(locationCode, bins, command.Bin?.Trim()), command.Lot?.Trim() ?? string.Empty);
        await stock.AddOnHandAsync(key, command.Quantity, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken, command.ExpiresOn);

        var receiptId = Guid.CreateVersion7(clock.GetUtcNow());
        db.StockMovements.Add(StockMovement.Record(StockMovementType.Receipt, key, command.Quantity, $"receipt:{receiptId}", clock.GetUtcNow()));
        db.AddIntegrationEvent(new StockArrivedIntegrationEvent(locationCode, [sku], $"receipt:{receiptId}")); // serves waiting backorders
        var dto = new StockReceiptDto(receiptId, sku, locationCode, key.BinCode, key.Lot, command.Quantity, await stock.OnHandAsync(key, cancellationToken));
        logger.LogInformation("Received {Quantity} x {Sku} at {LocationCode}/{Bin} lot {Lot}", command.Quantity, sku, locationCode, key.BinCode, key.Lot);
        return dto;
    }
}
