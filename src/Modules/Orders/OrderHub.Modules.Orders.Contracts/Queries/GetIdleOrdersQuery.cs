using Mediator;

namespace OrderHub.Modules.Orders.Contracts.Queries;

/// <summary>
/// Orders in <see cref="Status"/> ("Received", "ReadyToFulfill", "Picking", ...) with nothing on their timeline since
/// <see cref="IdleSince"/>: stuck. Oldest first, at most <see cref="Max"/>. Staff alerts (Notifications) ask it.
/// </summary>
public sealed record GetIdleOrdersQuery(string Status, DateTimeOffset IdleSince, int Max = 100) : IQuery<IReadOnlyList<IdleOrderDto>>;

/// <summary>An order and when its timeline last moved.</summary>
public sealed record IdleOrderDto(Guid OrderId, string OrderNumber, string Status, DateTimeOffset Since);
