using Mediator;

namespace OrderHub.Modules.Orders.Contracts.Queries;

/// <summary>
/// Orders OnHold with an active hold of <see cref="HoldType"/> ("Compliance", "Payment", "Inventory", "Fraud",
/// "Manual") placed before <see cref="PlacedBefore"/>: waiting for staff. Oldest first, at most <see cref="Max"/>.
/// </summary>
public sealed record GetHeldOrdersQuery(string HoldType, DateTimeOffset PlacedBefore, int Max = 100) : IQuery<IReadOnlyList<HeldOrderDto>>;

/// <summary>An order waiting on a hold: why (<see cref="Reason"/>, <see cref="Rule"/>) and since when.</summary>
public sealed record HeldOrderDto(Guid OrderId, string OrderNumber, string HoldType, string Reason, string? Rule, DateTimeOffset PlacedAt);
