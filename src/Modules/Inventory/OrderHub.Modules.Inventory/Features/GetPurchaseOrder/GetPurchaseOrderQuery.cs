using Mediator;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

namespace OrderHub.Modules.Inventory.Features.GetPurchaseOrder;

internal sealed record GetPurchaseOrderQuery(Guid Id) : IQuery<PurchaseOrderDto>;
