using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// Buys a dropship fulfillment from its supplier: issues its purchase order once (saved with the fulfillment's
/// <c>PurchaseOrderId</c> before anything leaves, so a retry resends the same number), then sends it through the
/// <see cref="ISupplierGateway"/> and records the acknowledgement. A transient failure throws and the outbox runs the step
/// again; a refusal leaves the purchase order Failed. A fulfillment cancelled before its order was issued is not bought.
/// </summary>
internal sealed partial class SendPurchaseOrderHandler(
    FulfillmentDbContext db, ISender sender, ISupplierGateway gateway, TimeProvider clock, ILogger<SendPurchaseOrderHandler> logger)
    : IInternalCommandHandler<SendPurchaseOrder>
{
    public async Task HandleAsync(SendPurchaseOrder command, CancellationToken cancellationToken)
    {
        var purchaseOrder = await db.DropshipPurchaseOrders.Include(p => p.Lines).SingleOrDefaultAsync(p => p.FulfillmentId == command.FulfillmentId, cancellationToken)
            ?? await IssueAsync(command.FulfillmentId, cancellationToken);
        if (purchaseOrder is not { AwaitsAcknowledgement: true })
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = purchaseOrder.OrderNumber });
        try
        {
            var reference = await gateway.SendAsync(purchaseOrder, cancellationToken);
            purchaseOrder.Acknowledge(reference, clock.GetUtcNow());
            LogAcknowledged(purchaseOrder.Number, purchaseOrder.SupplierCode, reference);
        }
        catch (SupplierRejectedException refused)
        {
            purchaseOrder.Fail(refused.Message, clock.GetUtcNow());
            LogRefused(purchaseOrder.Number, purchaseOrder.SupplierCode, refused.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DropshipPurchaseOrder?> IssueAsync(Guid fulfillmentId, CancellationToken cancellationToken)
    {
        var fulfillment = await db.Fulfillments.Include(f => f.Lines).SingleOrDefaultAsync(f => f.Id == fulfillmentId, cancellationToken);
        if (fulfillment is not { Type: FulfillmentType.Dropship, IsOpen: true })
        {
            return null;
        }

        var order = await db.OrdersToFulfill.AsNoTracking().SingleAsync(o => o.OrderId == fulfillment.OrderId, cancellationToken);
        // The supplier as Inventory knows it (name, region): the order's own units are held there since sourcing.
        var locations = await sender.Send(
            new GetSourcingStockQuery(order.StockReservationKey, [.. fulfillment.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)]), cancellationToken);
        var supplier = locations.FirstOrDefault(l => l.Code == fulfillment.LocationCode);
        var now = clock.GetUtcNow();
        var purchaseOrder = DropshipPurchaseOrder.Issue(
            await db.DropshipPurchaseOrders.LongCountAsync(cancellationToken) + 1,
            (fulfillment.LocationCode, supplier?.Name ?? fulfillment.LocationCode, supplier?.Region ?? string.Empty, supplier?.PostalCode ?? fulfillment.OriginPostalCode),
            fulfillment.Id, fulfillment.OrderId, fulfillment.OrderNumber, order.RecipientName, order.ShipTo, order.ShippingService, order.AdultSignatureRequired,
            fulfillment.Lines.OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.Sku, l.Quantity)), now);
        db.DropshipPurchaseOrders.Add(purchaseOrder);
        fulfillment.AttachPurchaseOrder(purchaseOrder.Id, now);
        await db.SaveChangesAsync(cancellationToken); // issued before it leaves: a failed send is retried under the same number
        LogIssued(purchaseOrder.Number, purchaseOrder.SupplierCode, purchaseOrder.OrderNumber);
        return purchaseOrder;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {PurchaseOrderNumber} issued to {SupplierCode} for order {OrderNumber}")]
    private partial void LogIssued(string purchaseOrderNumber, string supplierCode, string orderNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {PurchaseOrderNumber} acknowledged by {SupplierCode} as {Reference}")]
    private partial void LogAcknowledged(string purchaseOrderNumber, string supplierCode, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purchase order {PurchaseOrderNumber} refused by {SupplierCode}: {Reason}")]
    private partial void LogRefused(string purchaseOrderNumber, string supplierCode, string reason);
}
