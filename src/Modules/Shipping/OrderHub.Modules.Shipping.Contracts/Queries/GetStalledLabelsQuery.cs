using Mediator;

namespace OrderHub.Modules.Shipping.Contracts.Queries;

/// <summary>
/// Shipments whose label should have been bought but was not: LabelPending, unchanged since <see cref="PendingSince"/>,
/// not held for weather, and due to ship (no ship-on date after <see cref="Today"/>). The purchase is retried by the
/// outbox while a carrier refuses or times out; this is how staff learn it keeps failing. At most <see cref="Max"/>.
/// </summary>
public sealed record GetStalledLabelsQuery(DateTimeOffset PendingSince, DateOnly Today, int Max = 100) : IQuery<IReadOnlyList<StalledLabelDto>>;

public sealed record StalledLabelDto(Guid ShipmentId, string OrderNumber, string LocationCode, string RequestedService, DateTimeOffset PendingSince);
