using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Placement;

/// <summary>
/// The next step of an order's placement, as its row in the Orders outbox: written in the same transaction as the
/// state change that made it due (the order received, a hold released, backordered stock allocated), so a host that
/// dies loses nothing. The request that caused it usually runs it inline at once and marks it processed; otherwise the
/// outbox dispatcher runs it (<see cref="ContinuePlacementHandler"/>).
/// </summary>
internal sealed record ContinuePlacement(Guid OrderId, string OrderNumber) : InternalCommand, IWaitsOnRemoteService;

/// <summary>A gateway that did not answer is asked again a minute later (<see cref="RetryPendingAuthorizationHandler"/>).</summary>
internal sealed record RetryPendingAuthorization(Guid OrderId, string OrderNumber) : InternalCommand, IWaitsOnRemoteService;

/// <summary>Timings of the placement process.</summary>
internal static class PlacementSchedule
{
    /// <summary>
    /// How long a step written by a request is left to that request to run inline before any host's dispatcher takes
    /// it: longer than a placement takes (a gateway call may take 30 s), short enough that a crash delays an order by
    /// well under a minute.
    /// </summary>
    public static readonly TimeSpan InlineHold = TimeSpan.FromSeconds(45);

    /// <summary>When a pending authorization is asked again.</summary>
    public static readonly TimeSpan PendingAuthorizationRetry = TimeSpan.FromMinutes(1);
}

/// <summary>Runs a placement step the dispatcher took from the outbox: placement goes on from where the order stands.</summary>
internal sealed class ContinuePlacementHandler(PlacementProcess placement) : IInternalCommandHandler<ContinuePlacement>
{
    public Task HandleAsync(ContinuePlacement command, CancellationToken cancellationToken) =>
        placement.RunAsync(command.OrderId, cancellationToken);
}

/// <summary>Releases the order's pending-payment hold (if it still has one) and runs placement on, authorizing again.</summary>
internal sealed class RetryPendingAuthorizationHandler(PlacementProcess placement) : IInternalCommandHandler<RetryPendingAuthorization>
{
    public Task HandleAsync(RetryPendingAuthorization command, CancellationToken cancellationToken) =>
        placement.RetryPendingAuthorizationAsync(command.OrderId, cancellationToken);
}
