using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// Source a ready order (<see cref="SourceOrderHandler"/>): written with the order's arrival in Fulfillment, run by the
/// outbox dispatcher, so an order is sourced even if the host dies in between.
/// </summary>
internal sealed record SourceOrder(Guid OrderId, string OrderNumber) : InternalCommand;
