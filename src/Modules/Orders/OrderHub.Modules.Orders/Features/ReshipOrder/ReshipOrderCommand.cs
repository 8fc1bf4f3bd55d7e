using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ReshipOrder;

/// <summary>
/// Reships units of a shipped order: receives the replacement (<see cref="ReceiveReshipCommand"/>, idempotent by key),
/// then, when this request created it, runs its placement as for any order (stock, compliance, no payment for a zero
/// total, ready to fulfil and be sourced). A process command: each step commits in its own module's unit of work.
/// </summary>
internal sealed record ReshipOrderCommand(ReceiveReshipCommand Reship) : IProcessCommand<ReshippedOrder>;

/// <summary>The replacement; <paramref name="Placement"/> is null on a replay (this request created nothing).</summary>
internal sealed record ReshippedOrder(Guid OrderId, string OrderNumber, string OriginalNumber, PlacementResult? Placement);
