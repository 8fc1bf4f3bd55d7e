using Mediator;

namespace OrderHub.Modules.Orders.Features.CountOrders;

/// <summary>The inbox at a glance: how many orders are in each status, and how many wait on each type of hold.</summary>
internal sealed record CountOrdersQuery : IQuery<OrderCountsDto>;

/// <param name="ByStatus">Orders per status (statuses with none are left out).</param>
/// <param name="ByHoldType">Orders with at least one active hold of the type (an order held twice counts in both).</param>
internal sealed record OrderCountsDto(IReadOnlyList<CountDto> ByStatus, IReadOnlyList<CountDto> ByHoldType);

internal sealed record CountDto(string Name, int Count);
