using Mediator;

namespace OrderHub.Modules.Shipping.Contracts.Queries;

/// <summary>
/// Shipments not delivered whose estimated delivery is before <see cref="Today"/>: LabelCreated (never collected),
/// InTransit or OutForDelivery. An Exception is its own alert. Oldest estimate first, at most <see cref="Max"/>.
/// </summary>
public sealed record GetLateShipmentsQuery(DateOnly Today, int Max = 100) : IQuery<IReadOnlyList<LateShipmentDto>>;

public sealed record LateShipmentDto(Guid ShipmentId, string OrderNumber, string LocationCode, string? Carrier, string? TrackingNumber, string Status, DateOnly EstimatedDelivery);
