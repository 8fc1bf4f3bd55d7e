using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>
/// An order's status changed (<paramref name="PreviousStatus"/> to <paramref name="Status"/>, the names of the order's
/// statuses: OnHold, Shipped, Delivered, Returned, ...). Written with the change by every path that moves an order, so
/// a consumer sees each change once (outbound webhooks: order.on_hold, order.shipped, order.delivered, order.returned).
/// </summary>
public sealed record OrderStatusChangedIntegrationEvent(Guid OrderId, string OrderNumber, string Status, string PreviousStatus) : IntegrationEvent;
