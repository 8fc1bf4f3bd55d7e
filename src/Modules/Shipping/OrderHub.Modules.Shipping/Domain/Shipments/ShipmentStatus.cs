namespace OrderHub.Modules.Shipping.Domain.Shipments;

/// <summary>Where a shipment is, as API.md names it: a label first, then the carrier's tracking statuses.</summary>
internal enum ShipmentStatus
{
    LabelPending,
    LabelCreated,
    InTransit,
    OutForDelivery,
    Delivered,
    Exception,
    ReturnedToSender,
    Voided,
}

internal static class ShipmentStatuses
{
    /// <summary>The carrier has it: the goods left the building, so the sale completes (stock committed, payment captured).</summary>
    public static bool HasLeft(this ShipmentStatus status) =>
        status is ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery or ShipmentStatus.Delivered or ShipmentStatus.Exception or ShipmentStatus.ReturnedToSender;

    /// <summary>Nothing the carrier reports after these changes the outcome.</summary>
    public static bool IsFinal(this ShipmentStatus status) => status is ShipmentStatus.Delivered or ShipmentStatus.ReturnedToSender;

    /// <summary>The statuses a carrier's tracking event may carry (API.md, tracking events).</summary>
    public static bool IsTrackingStatus(this ShipmentStatus status) => status.HasLeft();
}
