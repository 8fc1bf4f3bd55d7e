using Mediator;

namespace OrderHub.Modules.Orders.Contracts.Queries;

/// <summary>
/// The status name of each of these orders ("ReadyToFulfill", "OnHold", "Picking", ...), one read for many: a pick wave
/// asks before it takes work, so an order held or cancelled after sourcing is not picked. Unknown ids are absent.
/// </summary>
public sealed record GetOrderStatusesQuery(IReadOnlyList<Guid> OrderIds) : IQuery<IReadOnlyDictionary<Guid, string>>;
