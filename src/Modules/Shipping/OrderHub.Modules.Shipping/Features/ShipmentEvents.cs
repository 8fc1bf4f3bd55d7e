using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Domain.Shipments;

namespace OrderHub.Modules.Shipping.Features;

/// <summary>A shipment's status change as the other modules hear it.</summary>
internal static class ShipmentEvents
{
    public static ShipmentStatusChangedIntegrationEvent StatusChanged(Shipment shipment, ShipmentStatus previous, DateTimeOffset at, string? description) =>
        new(
            shipment.Id,
            shipment.OrderId,
            shipment.OrderNumber,
            shipment.FulfillmentId,
            shipment.LocationCode,
            shipment.ReservationKey,
            shipment.Carrier?.ToString() ?? string.Empty,
            shipment.Service?.ToString() ?? string.Empty,
            shipment.TrackingNumber ?? string.Empty,
            shipment.Status.ToString(),
            previous.ToString(),
            at,
            shipment.EstimatedDelivery,
            description,
            [.. shipment.Lines.OrderBy(l => l.LineNumber).Select(l => new ShipmentLineDto(l.LineNumber, l.Sku, l.Quantity))]);
}
