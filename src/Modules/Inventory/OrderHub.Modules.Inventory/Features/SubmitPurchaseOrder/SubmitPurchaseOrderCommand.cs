using Mediator;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

namespace OrderHub.Modules.Inventory.Features.SubmitPurchaseOrder;

/// <summary>Sends a draft purchase order (e.g. raised by the reorder check): it becomes Open, i.e. expected supply.</summary>
internal sealed record SubmitPurchaseOrderCommand(Guid PurchaseOrderId) : ICommand<PurchaseOrderDto>;
