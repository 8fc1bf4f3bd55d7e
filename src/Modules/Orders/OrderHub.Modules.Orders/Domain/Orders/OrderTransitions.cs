using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Which status may follow which (DOMAIN.md "Order lifecycle"). Anything else is a 409.</summary>
internal static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Received] = [OrderStatus.OnHold, OrderStatus.Backordered, OrderStatus.ReadyToFulfill, OrderStatus.Cancelled],
        [OrderStatus.OnHold] = [OrderStatus.OnHold, OrderStatus.Received, OrderStatus.Backordered, OrderStatus.ReadyToFulfill, OrderStatus.Cancelled],
        [OrderStatus.Backordered] = [OrderStatus.OnHold, OrderStatus.Received, OrderStatus.ReadyToFulfill, OrderStatus.Cancelled],
        // A supplier ships its dropship part without our picking or packing: a dropship-only order goes from ready to
        // Shipped, a mixed one to PartiallyShipped before (or while) the warehouse part is picked.
        [OrderStatus.ReadyToFulfill] = [
            OrderStatus.OnHold, OrderStatus.Received, OrderStatus.Picking, OrderStatus.Delivered /* carry-out */, OrderStatus.Cancelled,
            OrderStatus.Shipped, OrderStatus.PartiallyShipped],
        [OrderStatus.Picking] = [OrderStatus.Packed, OrderStatus.Cancelled, OrderStatus.Shipped, OrderStatus.PartiallyShipped],
        [OrderStatus.Packed] = [OrderStatus.Shipped, OrderStatus.PartiallyShipped, OrderStatus.Cancelled],
        [OrderStatus.PartiallyShipped] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [OrderStatus.Returned, OrderStatus.PartiallyReturned],
        [OrderStatus.PartiallyReturned] = [OrderStatus.Returned],
        [OrderStatus.Returned] = [],
        [OrderStatus.Cancelled] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    public static void EnsureCanMove(string orderNumber, OrderStatus from, OrderStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new ConflictException($"Order {orderNumber} cannot go from {from} to {to}.");
        }
    }

    /// <summary>Before shipment an order can still be cancelled or changed.</summary>
    public static bool IsBeforeShipment(OrderStatus status) =>
        status is OrderStatus.Received or OrderStatus.OnHold or OrderStatus.Backordered or OrderStatus.ReadyToFulfill
            or OrderStatus.Picking or OrderStatus.Packed;

    /// <summary>Lines, address and quantities may change only before picking starts.</summary>
    public static bool IsBeforePicking(OrderStatus status) =>
        status is OrderStatus.Received or OrderStatus.OnHold or OrderStatus.Backordered or OrderStatus.ReadyToFulfill;
}
