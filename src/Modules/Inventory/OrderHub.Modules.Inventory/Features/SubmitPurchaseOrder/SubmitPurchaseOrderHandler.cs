using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.SubmitPurchaseOrder;

internal sealed class SubmitPurchaseOrderHandler(InventoryDbContext db, TimeProvider clock, ILogger<SubmitPurchaseOrderHandler> logger)
    : ICommandHandler<SubmitPurchaseOrderCommand, PurchaseOrderDto>
{
    public async ValueTask<PurchaseOrderDto> Handle(SubmitPurchaseOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.PurchaseOrders.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == command.PurchaseOrderId, cancellationToken)
            ?? throw new NotFoundException("Purchase order", command.PurchaseOrderId.ToString());
        order.Submit(clock.GetUtcNow());
        logger.LogInformation("Purchase order {PurchaseOrderId} submitted to {Supplier}", order.Id, order.SupplierLocationCode ?? "-");
        return PurchaseOrderDto.From(order);
    }
}
