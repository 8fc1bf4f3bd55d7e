using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

/// <summary>
/// A shipment's status changed: its label was bought (LabelCreated), or a carrier scan moved it (InTransit,
/// OutForDelivery, Delivered, Exception, ReturnedToSender). Orders follows it (the order's shipments, status and
/// timeline); the first status at which the goods have left (<see cref="HasLeft"/> and <see cref="PreviousStatus"/>
/// LabelCreated) completes that part of the sale. <see cref="TrackingUrl"/> is the carrier's public tracking page and
/// <see cref="ServiceName"/> the service as the carrier names it ("UPS Ground"), for the customer's emails.
/// </summary>
public sealed record ShipmentStatusChangedIntegrationEvent(
    Guid ShipmentId,
    Guid OrderId,
    string OrderNumber,
    Guid FulfillmentId,
    string LocationCode,
    string ReservationKey,
    string Carrier,
    string Service,
    string TrackingNumber,
    string Status,
    string PreviousStatus,
    DateTimeOffset At,
    DateOnly? EstimatedDelivery,
    string? Description,
    IReadOnlyList<ShipmentLineDto> Lines,
    string? TrackingUrl = null,
    bool AdultSignatureRequired = false,
    string? ServiceName = null) : IntegrationEvent
{
    /// <summary>The carrier has the goods (InTransit or any later status).</summary>
    public bool HasLeft => Status is "InTransit" or "OutForDelivery" or "Delivered" or "Exception" or "ReturnedToSender";
}

/// <summary>Units of one order line in a shipment.</summary>
public sealed record ShipmentLineDto(int LineNumber, string Sku, int Quantity);
