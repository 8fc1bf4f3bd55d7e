using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.TrackingNumbers;

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
            [.. shipment.Lines.OrderBy(l => l.LineNumber).Select(l => new ShipmentLineDto(l.LineNumber, l.Sku, l.Quantity))],
            shipment is { Carrier: { } carrier, TrackingNumber: { } number } ? TrackingNumberFormat.TrackingUrl(carrier, number)?.ToString() : null,
            shipment.AdultSignatureRequired,
            shipment is { Carrier: { } c, Service: { } level } ? CarrierCatalog.Find(c, level)?.Name : null);
}
