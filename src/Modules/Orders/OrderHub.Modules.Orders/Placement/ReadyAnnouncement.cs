using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Placement;

/// <summary>
/// What Fulfillment hears when an order is ready to ship: when placement ends, and again when a ready order's lines
/// or address change (it is sourced afresh).
/// </summary>
internal static class ReadyAnnouncement
{
    public static OrderReadyToFulfillIntegrationEvent Of(Order order) =>
        new(order.Id, order.Number, order.Channel.ToString(), PlacementKeys.Stock(order.Id), order.Customer.FullName, order.ShippingAddress,
            order.ShippingService.ToString(), order.AdultSignatureRequired, order.PlacedAt,
            [.. order.Lines.Where(l => l.Status != OrderStatus.Cancelled).Select(l => new ReadyLine(l.LineNumber, l.Sku, l.Quantity))]);
}
