using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;

/// <summary>A fulfillment went on a pick list: the order is Picking from its first one (Orders), and the step is on its timeline.</summary>
public sealed record FulfillmentPickingStartedIntegrationEvent(
    Guid OrderId, string OrderNumber, Guid FulfillmentId, string LocationCode, string PickListNumber, string Actor) : IntegrationEvent;

/// <summary>
/// A fulfillment's pick was confirmed. <see cref="Shortages"/> names units the picker did not find: they are written off
/// the bin (Inventory) and the fulfillment ships what was picked; Orders puts them on the timeline.
/// </summary>
public sealed record FulfillmentPickedIntegrationEvent(
    Guid OrderId, string OrderNumber, Guid FulfillmentId, string LocationCode, string PickListNumber, IReadOnlyList<ShortPickedLine> Shortages, string Actor)
    : IntegrationEvent;

public sealed record ShortPickedLine(string Sku, int Wanted, int Missing);

/// <summary>
/// A fulfillment was packed into <see cref="Packages"/>: Shipping makes its shipment and buys the labels (to
/// <see cref="RecipientName"/> at <see cref="ShipTo"/>, at the <see cref="ShippingService"/> the customer chose); Orders
/// records it and is Packed once every fulfillment of the order is. <see cref="Lines"/> are the units packed, held under
/// <see cref="ReservationKey"/> at <see cref="LocationCode"/> until they leave. With <see cref="ShipOn"/> it was packed
/// ahead (a wine-club release): the label is bought that day.
/// </summary>
public sealed record FulfillmentPackedIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    Guid FulfillmentId,
    string LocationCode,
    string OriginPostalCode,
    IReadOnlyList<PackedParcel> Packages,
    string Actor,
    string ReservationKey,
    string RecipientName,
    Address ShipTo,
    string ShippingService,
    bool ContainsAlcohol,
    bool AdultSignatureRequired,
    IReadOnlyList<PackedOrderLine> Lines,
    DateOnly? ShipOn = null)
    : IntegrationEvent;

/// <summary>Units of one order line packed (what was picked of it).</summary>
public sealed record PackedOrderLine(int LineNumber, string Sku, int Quantity);

/// <summary>One package as the carrier will measure it.</summary>
public sealed record PackedParcel(Guid PackageId, string Box, int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

/// <summary>
/// Units a picker did not find were sourced again: held at <see cref="Fulfillments"/>' locations under their own
/// reservation, to be picked in a later wave. Orders puts it on the timeline.
/// </summary>
public sealed record ShortfallSourcedIntegrationEvent(Guid OrderId, string OrderNumber, string ShortAt, IReadOnlyList<SourcedFulfillment> Fulfillments) : IntegrationEvent;

/// <summary>Units a picker did not find could not be sourced anywhere (<see cref="Reason"/>): the order ships short unless staff act.</summary>
public sealed record ShortfallNotSourcedIntegrationEvent(Guid OrderId, string OrderNumber, string ShortAt, IReadOnlyList<ShortPickedLine> Lines, string Reason) : IntegrationEvent;
