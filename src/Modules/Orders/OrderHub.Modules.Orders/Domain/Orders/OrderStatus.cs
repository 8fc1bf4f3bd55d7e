namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>The order lifecycle of API.md.</summary>
internal enum OrderStatus
{
    Received,
    OnHold,
    Backordered,
    ReadyToFulfill,
    Picking,
    Packed,
    Shipped,
    PartiallyShipped,
    Delivered,
    Cancelled,
    Returned,
    PartiallyReturned,
}

internal enum OrderChannel
{
    Web,
    Pos,
    Phone,
    Marketplace,
    Import,
}

internal enum HoldType
{
    Compliance,
    Payment,
    Inventory,
    Fraud,
    Manual,
}

internal enum ShippingService
{
    Ground,
    TwoDay,
    Overnight,

    /// <summary>Carry-out at the selling location (tasting-room POS): no shipment, no destination law.</summary>
    Pickup,
}
