using Mediator;

namespace OrderHub.Modules.Orders.Contracts.Queries;

/// <summary>
/// The order as Fulfillment must ship it now: its status and live lines (an order may change until picking starts, so
/// the lines of its ready event may be stale). Null for an unknown order.
/// </summary>
public sealed record GetOrderToFulfillQuery(Guid OrderId) : IQuery<OrderToFulfillDto?>;

/// <summary><see cref="Status"/> is the order's status name, e.g. "ReadyToFulfill", "OnHold", "Cancelled".</summary>
public sealed record OrderToFulfillDto(Guid OrderId, string OrderNumber, string Status, IReadOnlyList<OrderLineToFulfillDto> Lines);

public sealed record OrderLineToFulfillDto(int LineNumber, string Sku, int Quantity);
