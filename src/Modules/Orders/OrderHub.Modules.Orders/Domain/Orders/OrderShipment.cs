namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>A shipment of the order as Orders follows it (API.md: <c>shipments[]</c> on the order).</summary>
internal sealed class OrderShipment
{
    private OrderShipment()
    {
    }

    public OrderShipment(Guid orderId, Guid shipmentId, Guid fulfillmentId)
    {
        OrderId = orderId;
        ShipmentId = shipmentId;
        FulfillmentId = fulfillmentId;
    }

    public Guid OrderId { get; private set; }

    public Guid ShipmentId { get; private set; }

    public Guid FulfillmentId { get; private set; }

    public string Carrier { get; private set; } = string.Empty;

    public string Service { get; private set; } = string.Empty;

    public string TrackingNumber { get; private set; } = string.Empty;

    public string Status { get; private set; } = string.Empty;

    public DateOnly? EstimatedDelivery { get; private set; }

    /// <summary>When the carrier first had it; the lines it carries shipped then and their share was captured.</summary>
    public DateTimeOffset? DepartedAt { get; private set; }

    /// <summary>The share of the order's total captured for it (the last departure takes the remainder).</summary>
    public decimal CapturedAmount { get; private set; }

    public bool IsDelivered => Status == "Delivered";

    internal void Update(string carrier, string service, string trackingNumber, string status, DateOnly? estimatedDelivery)
    {
        (Carrier, Service, TrackingNumber, Status, EstimatedDelivery) = (carrier, service, trackingNumber, status, estimatedDelivery);
    }

    internal void Depart(DateTimeOffset at, decimal capturedAmount) => (DepartedAt, CapturedAmount) = (at, capturedAmount);
}
