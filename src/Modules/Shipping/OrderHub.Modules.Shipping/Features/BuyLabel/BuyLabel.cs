using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buy the label of a shipment (<see cref="BuyLabelHandler"/>): written with the shipment when its fulfillment is packed,
/// run by the outbox dispatcher (a Hangfire job), retried until a carrier sells it.
/// </summary>
internal sealed record BuyLabel(Guid ShipmentId) : InternalCommand;
