using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;

/// <summary>
/// An order was sourced: its units are held at the locations that ship them, one fulfillment per location. Orders puts
/// it on the order's timeline. Published once per sourcing, in the transaction that recorded it.
/// </summary>
public sealed record OrderSourcedIntegrationEvent(Guid OrderId, string OrderNumber, IReadOnlyList<SourcedFulfillment> Fulfillments) : IntegrationEvent;

/// <summary>One ship-from location's part of the order; <see cref="Type"/> is Warehouse or Dropship.</summary>
public sealed record SourcedFulfillment(Guid FulfillmentId, string LocationCode, string Type, IReadOnlyList<SourcedLine> Lines);

public sealed record SourcedLine(int LineNumber, string Sku, int Quantity);

/// <summary>
/// No location may ship some of the order (none licensed for the state, none shipping to consumers, a staff rule that
/// forbids the split it would need): Orders holds it with <see cref="Reason"/> for staff to decide.
/// </summary>
public sealed record OrderNotSourcedIntegrationEvent(Guid OrderId, string OrderNumber, string Reason) : IntegrationEvent;

/// <summary>
/// Warehouse work waited past its location's pick deadline without going on a pick list: Fulfillment cancelled the order's
/// open fulfillments and sources it again without <see cref="Fulfillments"/>' locations (an <see cref="OrderSourcedIntegrationEvent"/>,
/// or an <see cref="OrderNotSourcedIntegrationEvent"/>, follows). Orders puts it on the timeline.
/// </summary>
public sealed record StuckFulfillmentsResourcingIntegrationEvent(Guid OrderId, string OrderNumber, IReadOnlyList<StuckFulfillment> Fulfillments) : IntegrationEvent;

/// <summary>A fulfillment not on a pick list <see cref="PickDeadlineHours"/> after it was sourced to <see cref="LocationCode"/> at <see cref="SourcedAt"/>.</summary>
public sealed record StuckFulfillment(Guid FulfillmentId, string LocationCode, int PickDeadlineHours, DateTimeOffset SourcedAt);
