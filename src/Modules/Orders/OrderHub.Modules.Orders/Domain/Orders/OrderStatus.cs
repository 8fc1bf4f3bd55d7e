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
