using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Orders.Features.ResumePlacement;

/// <summary>
/// Runs an order's due placement step now, inline, rather than leaving it to the outbox dispatcher (which takes a
/// step only after <c>PlacementSchedule.InlineHold</c>): the back-office sends it after a release or a change that
/// cleared the last hold, as the API endpoints run placement themselves. Nothing due: nothing happens. A process
/// command: each step commits in its own module's unit of work.
/// </summary>
internal sealed record ResumePlacementCommand(Guid OrderId) : IProcessCommand<bool>;
