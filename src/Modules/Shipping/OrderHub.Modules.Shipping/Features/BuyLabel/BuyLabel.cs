using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buy the label of a shipment (<see cref="BuyLabelHandler"/>): written with the shipment when its fulfillment is packed,
/// run by the outbox dispatcher (a Hangfire job), retried until a carrier sells it.
/// </summary>
/// <param name="ShipmentId">The shipment whose label to buy.</param>
/// <param name="Generation">Which label of the shipment: 1 for the first, one more per re-label (a step for an older one does nothing).</param>
internal sealed record BuyLabel(Guid ShipmentId, int Generation = 1) : InternalCommand, IWaitsOnRemoteService;
