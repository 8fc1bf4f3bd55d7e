using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// Buy a dropship fulfillment from its supplier (<see cref="SendPurchaseOrderHandler"/>): written by sourcing with the
/// fulfillment, run by the outbox dispatcher, retried until the supplier acknowledges the purchase order.
/// </summary>
internal sealed record SendPurchaseOrder(Guid FulfillmentId) : InternalCommand, IWaitsOnRemoteService;
