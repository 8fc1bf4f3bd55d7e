using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>
/// A shipment of the order left with its carrier: that part of the sale is complete (API.md, "Completing a sale").
/// Inventory commits the units held under <paramref name="StockReservationKey"/> at <paramref name="LocationCode"/>;
/// Payments captures <paramref name="CaptureAmount"/> (the shipment's share of the total; the last departure takes the
/// remainder, so the captures sum to the total). Published once per shipment.
/// </summary>
public sealed record OrderShipmentDepartedIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    Guid ShipmentId,
    string StockReservationKey,
    string LocationCode,
    decimal CaptureAmount,
    string Currency,
    bool IsLastShipment) : IntegrationEvent;
