using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;

/// <summary>
/// A supplier shipped its purchase order: the tracking number is checked against the carrier's format, the purchase
/// order and its fulfillment are Shipped, and Orders hears of it (the order's lines ship), in one save. The same
/// tracking number reported again changes nothing; another one for a shipped order is a conflict.
/// </summary>
internal sealed partial class ReportDropshipShipmentHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<ReportDropshipShipmentHandler> logger)
    : ICommandHandler<ReportDropshipShipmentCommand, DropshipPurchaseOrderDto>
{
    public async ValueTask<DropshipPurchaseOrderDto> Handle(ReportDropshipShipmentCommand command, CancellationToken cancellationToken)
    {
        var purchaseOrder = await db.DropshipPurchaseOrders.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == command.PurchaseOrderId, cancellationToken)
            ?? throw new NotFoundException("Purchase order", command.PurchaseOrderId.ToString());
        var tracking = TrackingNumbers.Check(command.Carrier!, command.TrackingNumber!);
        if (!tracking.IsValid)
        {
            throw new BusinessRuleViolationException("TrackingNumberMustBeValid", tracking.Problem!);
        }

        var now = clock.GetUtcNow();
        var shippedAt = command.ShippedAt ?? now;
        if (!purchaseOrder.MarkShipped(tracking.Carrier, tracking.TrackingNumber, shippedAt, now))
        {
            return DropshipPurchaseOrderDto.From(purchaseOrder); // reported before with this tracking number
        }

        var fulfillment = await db.Fulfillments.SingleAsync(f => f.Id == purchaseOrder.FulfillmentId, cancellationToken);
        fulfillment.MarkShippedBySupplier(now);
        db.AddIntegrationEvent(new DropshipShippedIntegrationEvent(
            purchaseOrder.OrderId, purchaseOrder.OrderNumber, purchaseOrder.FulfillmentId, purchaseOrder.SupplierCode, tracking.Carrier, tracking.TrackingNumber,
            [.. purchaseOrder.Lines.OrderBy(l => l.LineNumber).Select(l => new DropshippedLine(l.LineNumber, l.Sku, l.Quantity))],
            purchaseOrder.Id, purchaseOrder.Number, shippedAt, command.Actor));
        LogShipped(purchaseOrder.Number, purchaseOrder.SupplierCode, purchaseOrder.OrderNumber, tracking.Carrier, tracking.TrackingNumber, command.Actor);
        return DropshipPurchaseOrderDto.From(purchaseOrder);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {PurchaseOrderNumber} shipped by {SupplierCode} for order {OrderNumber}: {Carrier} {TrackingNumber} ({Actor})")]
    private partial void LogShipped(string purchaseOrderNumber, string supplierCode, string orderNumber, string carrier, string trackingNumber, string actor);
}
