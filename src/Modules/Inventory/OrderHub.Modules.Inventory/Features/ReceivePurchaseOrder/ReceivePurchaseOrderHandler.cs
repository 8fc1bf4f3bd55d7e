using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Features.ReceiveStock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReceivePurchaseOrder;

/// <summary>
/// Receives against a purchase order: each line is counted on the order (never beyond what is outstanding: 422
/// <c>ReceiptWithinPurchaseOrderLine</c>) and put on hand at the destination through the normal receipt
/// (<see cref="ReceiveStockCommand"/>, same transaction), which also announces the arrival for waiting backorders.
/// The order's version guards it: two concurrent receipts cannot both count the same outstanding units (409).
/// </summary>
internal sealed class ReceivePurchaseOrderHandler(
    InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<ReceivePurchaseOrderHandler> logger)
    : ICommandHandler<ReceivePurchaseOrderCommand, PurchaseOrderReceiptDto>
{
    public async ValueTask<PurchaseOrderReceiptDto> Handle(ReceivePurchaseOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.PurchaseOrders.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == command.PurchaseOrderId, cancellationToken)
            ?? throw new NotFoundException("Purchase order", command.PurchaseOrderId.ToString());
        var now = clock.GetUtcNow();
        var receipts = new List<StockReceiptDto>();
        foreach (var line in command.Lines!)
        {
            var sku = line.Sku!.Trim();
            order.Receive(sku, line.Quantity, now);
            receipts.Add(await sender.Send(
                new ReceiveStockCommand { LocationCode = order.DestinationLocationCode, Sku = sku, Quantity = line.Quantity, Lot = line.Lot, Bin = line.Bin },
                cancellationToken));
        }

        var dto = new PurchaseOrderReceiptDto(PurchaseOrderDto.From(order), receipts);
        logger.LogInformation("Purchase order {PurchaseOrderId}: received {Units} unit(s), now {Status}", order.Id, command.Lines!.Sum(l => l.Quantity), order.Status);
        return dto;
    }
}
