using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.QueueWebhookDeliveries;

/// <summary>order.received: the order was accepted.</summary>
internal sealed class QueueOrderReceivedWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueOrderReceivedWebhookHandler> logger)
    : InboxHandler<OrderReceivedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderReceivedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = WebhookData.Order(e.OrderId, e.OrderNumber, "Received");
        data["channel"] = e.Channel;
        data["lines"] = new JsonArray([.. e.Lines.Select(l => (JsonNode)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
        await webhooks.QueueAsync(WebhookEventTypes.OrderReceived, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }
}

/// <summary>order.ready_to_fulfill: the order passed its checks and goes to the warehouse.</summary>
internal sealed class QueueOrderReadyWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueOrderReadyWebhookHandler> logger)
    : InboxHandler<OrderReadyToFulfillIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderReadyToFulfillIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = WebhookData.Order(e.OrderId, e.OrderNumber, "ReadyToFulfill");
        data["channel"] = e.Channel;
        data["shippingService"] = e.ShippingService;
        data["lines"] = new JsonArray([.. e.Lines.Select(l => (JsonNode)new JsonObject { ["lineNumber"] = l.LineNumber, ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
        await webhooks.QueueAsync(WebhookEventTypes.OrderReadyToFulfill, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }
}

/// <summary>order.cancelled, with the reason.</summary>
internal sealed class QueueOrderCancelledWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueOrderCancelledWebhookHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = WebhookData.Order(e.OrderId, e.OrderNumber, "Cancelled");
        data["reason"] = e.Reason;
        await webhooks.QueueAsync(WebhookEventTypes.OrderCancelled, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }
}

/// <summary>order.on_hold, order.shipped, order.delivered, order.returned: from Orders' status changes.</summary>
internal sealed class QueueOrderStatusWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueOrderStatusWebhookHandler> logger)
    : InboxHandler<OrderStatusChangedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override bool Concerns(OrderStatusChangedIntegrationEvent integrationEvent) => EventType(integrationEvent.Status) is not null;

    protected override async ValueTask HandleOnceAsync(OrderStatusChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var type = EventType(e.Status)!;
        var data = WebhookData.Order(e.OrderId, e.OrderNumber, e.Status);
        data["previousStatus"] = e.PreviousStatus;
        await webhooks.QueueAsync(type, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }

    private static string? EventType(string status) => status switch
    {
        "OnHold" => WebhookEventTypes.OrderOnHold,
        "Shipped" => WebhookEventTypes.OrderShipped,
        "Delivered" => WebhookEventTypes.OrderDelivered,
        "Returned" => WebhookEventTypes.OrderReturned,
        _ => null, // Received, ReadyToFulfill and Cancelled have their own events; the others are not offered
    };
}

/// <summary>refund.issued: money went back to the customer's card (one per refund transaction).</summary>
internal sealed class QueueRefundWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueRefundWebhookHandler> logger)
    : InboxHandler<RefundIssuedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(RefundIssuedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["orderId"] = e.OrderId,
            ["number"] = e.OrderNumber,
            ["refundId"] = e.RefundId,
            ["amount"] = e.Amount,
            ["currency"] = e.Currency,
            ["reason"] = e.Reason,
            ["reference"] = e.Reference,
        };
        await webhooks.QueueAsync(WebhookEventTypes.RefundIssued, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }
}

/// <summary>shipment.updated: a label was bought or a carrier scan moved a shipment.</summary>
internal sealed class QueueShipmentWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueShipmentWebhookHandler> logger)
    : InboxHandler<ShipmentStatusChangedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShipmentStatusChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["id"] = e.ShipmentId,
            ["orderId"] = e.OrderId,
            ["orderNumber"] = e.OrderNumber,
            ["status"] = e.Status,
            ["previousStatus"] = e.PreviousStatus,
            ["carrier"] = e.Carrier,
            ["service"] = e.Service,
            ["trackingNumber"] = e.TrackingNumber,
            ["trackingUrl"] = e.TrackingUrl,
            ["at"] = e.At,
            ["estimatedDelivery"] = e.EstimatedDelivery?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["description"] = e.Description,
        };
        await webhooks.QueueAsync(WebhookEventTypes.ShipmentUpdated, e.Id, e.OccurredAt, e.OrderNumber, data, cancellationToken);
    }
}

/// <summary>inventory.low_stock: a SKU ran low at a location.</summary>
internal sealed class QueueLowStockWebhookHandler(NotificationsDbContext db, WebhookQueue webhooks, TimeProvider clock, ILogger<QueueLowStockWebhookHandler> logger)
    : InboxHandler<LowStockDetectedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(LowStockDetectedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["sku"] = e.Sku,
            ["locationCode"] = e.LocationCode,
            ["available"] = e.Available,
            ["reorderPoint"] = e.ReorderPoint,
            ["suggestedQuantity"] = e.SuggestedQuantity,
        };
        await webhooks.QueueAsync(WebhookEventTypes.InventoryLowStock, e.Id, e.OccurredAt, $"{e.Sku} @ {e.LocationCode}", data, cancellationToken);
    }
}

internal static class WebhookData
{
    /// <summary>What every order event carries: <c>id</c>, <c>number</c>, <c>status</c>.</summary>
    public static JsonObject Order(Guid id, string number, string status) => new() { ["id"] = id, ["number"] = number, ["status"] = status };
}
