using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;

/// <summary>
/// A supplier shipped a dropship fulfillment straight to the consumer under <see cref="TrackingNumber"/>: Orders ships
/// the order's <see cref="Lines"/> and puts it on the timeline.
/// </summary>
public sealed record DropshipShippedIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    Guid FulfillmentId,
    string SupplierCode,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<DropshippedLine> Lines,
    Guid PurchaseOrderId,
    string PurchaseOrderNumber,
    DateTimeOffset ShippedAt,
    string Actor) : IntegrationEvent;

/// <summary>Units of one order line the supplier shipped, by the order's line number.</summary>
public sealed record DropshippedLine(int LineNumber, string Sku, int Quantity);
