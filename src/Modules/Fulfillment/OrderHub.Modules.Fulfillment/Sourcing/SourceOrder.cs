using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// Source a ready order (<see cref="SourceOrderHandler"/>): written with the order's arrival in Fulfillment, run by the
/// outbox dispatcher, so an order is sourced even if the host dies in between. <see cref="ExcludedLocations"/> (code →
/// reason) are left out of the plan, with that reason in the decision: work re-sourced away from a location that did not
/// pick it in time.
/// </summary>
internal sealed record SourceOrder(Guid OrderId, string OrderNumber, IReadOnlyDictionary<string, string>? ExcludedLocations = null) : InternalCommand;
