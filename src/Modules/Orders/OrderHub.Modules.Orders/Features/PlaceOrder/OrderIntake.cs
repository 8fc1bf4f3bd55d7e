using System.Data.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Features.AdvancePlacement;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>What receiving an order came to: the stored order, and its placement when this request created it.</summary>
internal sealed record IntakeResult(PlaceOrderResult Order, PlacementResult? Placement);

/// <summary>
/// The one way an order comes in, whatever the channel (REST, CSV import, marketplace pull): receive it through
/// <see cref="PlaceOrderCommand"/> (idempotent by key), then, when this request created it, run its placement on the
/// order still in hand. Validation, rule and conflict exceptions are the caller's to answer.
/// </summary>
internal sealed class OrderIntake(ISender sender, OrderPlacement placements, BackgroundPlacementQueue background, ILogger<OrderIntake> logger)
{
    public Task<IntakeResult> PlaceAsync(PlaceOrderCommand request, CancellationToken cancellationToken) =>
        PlaceAsync(request, finishInBackground: false, cancellationToken);

    /// <param name="request">The order as received.</param>
    /// <param name="finishInBackground">
    /// Answer once the order is stored and its stock reserved; compliance and payment follow in the background
    /// (<c>Prefer: respond-async</c>: a release-day burst is acknowledged at once and worked off after).
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IntakeResult> PlaceAsync(PlaceOrderCommand request, bool finishInBackground, CancellationToken cancellationToken)
    {
        PlaceOrderResult result;
        try
        {
            result = await sender.Send(request, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException
            || (ex is BusinessRuleViolationException && !request.LookUpReplayFirst))
        {
            // The key was used before (a replay, or a parallel request that committed first): answer as its replay (or 409
            // if the body differs). A rule refusal without the lookup may be a replay whose SKU has since gone: the lookup
            // answers the replay, and a new order is refused again.
            // Expected, so Debug (the host keeps EF Core's error lines for a lost idempotency claim out of the log).
            logger.LogDebug(ex, "Idempotency-Key {IdempotencyKey} was not stored ({Reason}): answering as a replay", request.IdempotencyKey, ex.GetType().Name);
            result = await sender.Send(request with { LookUpReplayFirst = true }, cancellationToken);
        }

        if (!result.Created)
        {
            return new IntakeResult(result, null);
        }

        if (finishInBackground && result.Received is { } accepted)
        {
            var first = await placements.ReserveReceivedAsync(accepted, cancellationToken);
            if (first.Outcome == PlacementOutcome.Accepted)
            {
                background.TryEnqueue(result.OrderId); // if full, ResumePlacementsJob finishes it (the order is stored)
            }

            return new IntakeResult(result, first);
        }

        var placement = result.Received is { } received
            ? await placements.AdvanceReceivedAsync(received, cancellationToken)
            : await placements.AdvanceAsync(result.OrderId, cancellationToken);
        return new IntakeResult(result, placement);
    }
}
