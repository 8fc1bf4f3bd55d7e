using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>
/// A carry-out sale (shippingService Pickup) was placed, paid and handed over at the counter: the sale is complete.
/// Inventory commits the stock held under <paramref name="StockReservationKey"/>; Payments captures
/// <paramref name="Amount"/> (the order's total). Published once per order.
/// </summary>
public sealed record OrderHandedOverIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    string StockReservationKey,
    decimal Amount,
    string Currency,
    IReadOnlyList<OrderReceivedLine> Lines) : IntegrationEvent;
