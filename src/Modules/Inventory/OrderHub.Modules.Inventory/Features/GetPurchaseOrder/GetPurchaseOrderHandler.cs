using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetPurchaseOrder;

internal sealed class GetPurchaseOrderHandler(InventoryDbContext db) : IQueryHandler<GetPurchaseOrderQuery, PurchaseOrderDto>
{
    public async ValueTask<PurchaseOrderDto> Handle(GetPurchaseOrderQuery query, CancellationToken cancellationToken)
    {
        var order = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Purchase order", query.Id.ToString());
        return PurchaseOrderDto.From(order);
    }
}
