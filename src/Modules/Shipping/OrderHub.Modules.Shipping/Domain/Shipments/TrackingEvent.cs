namespace OrderHub.Modules.Shipping.Domain.Shipments;

/// <summary>One scan a carrier reported for a shipment. The same status at the same instant is the same event.</summary>
internal sealed class TrackingEvent
{
    private TrackingEvent()
    {
    }

    public TrackingEvent(Guid shipmentId, ShipmentStatus status, DateTimeOffset at, string? description, string? location, DateTimeOffset receivedAt)
    {
        ShipmentId = shipmentId;
        Status = status;
        At = at;
        Description = description;
        Location = location;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Description { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
