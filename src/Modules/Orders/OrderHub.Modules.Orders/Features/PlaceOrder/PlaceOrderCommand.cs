using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>How much of placement the request waits for.</summary>
internal enum PlacementExtent
{
    /// <summary>Every step: ReadyToFulfill, on hold, backordered or refused (the default answer).</summary>
    Whole,

    /// <summary>Only the stock (<c>Prefer: respond-async</c>): the dispatcher runs the rest.</summary>
    StockOnly,
}

/// <summary>
/// Places an order from any channel: receives it (<see cref="ReceiveOrderCommand"/>, idempotent by key) and, when this
/// request created it, runs its placement inline to <paramref name="Extent"/>.
/// </summary>
internal sealed record PlaceOrderCommand(ReceiveOrderCommand Order, PlacementExtent Extent = PlacementExtent.Whole)
    : IProcessCommand<PlacedOrder>;

/// <summary>The stored order; <paramref name="Placement"/> is null on a replay (this request created nothing).</summary>
internal sealed record PlacedOrder(Guid OrderId, string OrderNumber, PlacementResult? Placement)
{
    public bool Created => Placement is not null;
}
