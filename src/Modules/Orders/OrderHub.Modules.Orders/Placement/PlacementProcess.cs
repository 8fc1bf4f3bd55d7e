using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Orders.Placement;

internal enum PlacementOutcome
{
    /// <summary>Nothing to do: the order is past placement, cancelled, or waiting on a hold.</summary>
    Idle,
    ReadyToFulfill,

    /// <summary>A carry-out sale: placed, paid and handed over at the counter.</summary>
    Delivered,
    OnHold,
    Refused,

    /// <summary>Received with its stock reserved; the rest of placement goes on in the background.</summary>
    Accepted,
}

internal sealed record PlacementResult(PlacementOutcome Outcome, string? Rule = null, string? Reason = null)
{
    /// <summary>The order as placement left it, complete with its whole timeline, when that is known without a read.</summary>
    public Order? CompleteOrder { get; init; }
}

/// <summary>
/// The order's placement, the seed workflow after an order is received: reserve stock → compliance decision → payment
/// authorization → ready to fulfill (<see cref="PlacementStep"/>). Each step is another module's command with a key
/// derived from the order and step, so a resumed or repeated run never reserves, decides or charges twice. The order is
/// saved once, when placement stops (ready, held or refused), together with the step's outbox row marked done: a run cut
/// short is resumed by the dispatcher from the last save (<see cref="ContinuePlacement"/>). A failing step leaves the
/// order on a hold naming its rule; a compliance refusal cancels it, and the cancellation event releases what earlier
/// steps took. Not a Mediator command on purpose: every step commits in its own module's transaction (one long Orders
/// transaction would block the other modules on SQLite and hold locks on servers).
/// </summary>
internal sealed partial class PlacementProcess(OrdersDbContext db, ISender sender, OutboxSignal outboxSignal, TimeProvider clock, ILogger<PlacementProcess> logger)
{
    private const string Actor = "system:placement";

    /// <summary>Runs placement on a stored order from where it stands (a step from the outbox, a released hold).</summary>
    public Task<PlacementResult> RunAsync(Guid orderId, CancellationToken cancellationToken) => RunAsync(orderId, null, cancellationToken);

    /// <summary>Runs placement on the order received (or released) in this scope: it is still tracked, whole, so it is not read back.</summary>
    public Task<PlacementResult> RunAsync(Order order, CancellationToken cancellationToken) => RunAsync(order.Id, order, cancellationToken);

    /// <summary>
    /// Only the first step for the order just received: reserve its stock (or hold it, saved) so the caller can answer
    /// at once with what the customer most needs to know. The rest is handed to the dispatcher in the same save.
    /// </summary>
    public async Task<PlacementResult> ReserveReceivedAsync(Order received, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = received.Number });
        if (await ReserveStockAsync(received, cancellationToken) is { } stopped)
        {
            return stopped with { CompleteOrder = received };
        }

        db.ReleaseHeldPlacement(received.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (db.TakeOutboxSignal())
        {
            outboxSignal.Notify(db);
        }

        return new PlacementResult(PlacementOutcome.Accepted) { CompleteOrder = received };
    }

    /// <summary>The gateway is asked again: the pending-payment hold (if still there) is released and placement goes on.</summary>
    public async Task<PlacementResult> RetryPendingAuthorizationAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.LoadOrderAsync(orderId, cancellationToken);
        if (!order.IsHeldBy(PaymentPendingRule.RuleName))
        {
            return new PlacementResult(PlacementOutcome.Idle); // released or changed meanwhile
        }

        order.ReleaseHold(HoldType.Payment, "Retrying the pending authorization", Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RunAsync(order, cancellationToken);
    }

    private async Task<PlacementResult> RunAsync(Guid orderId, Order? inHand, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var order = inHand ?? await db.LoadOrderAsync(orderId, cancellationToken);
                var result = await AdvanceAsync(order, cancellationToken);
                return inHand is null ? result : result with { CompleteOrder = inHand };
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another host or request moved the order meanwhile; steps are idempotent, so start from what is stored.
                db.ChangeTracker.Clear();
                inHand = null;
            }
        }
    }

    private async Task<PlacementResult> AdvanceAsync(Order order, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.Number });
        if (order.Status is not OrderStatus.Received || order.ActiveHolds.Any())
        {
            return new PlacementResult(PlacementOutcome.Idle);
        }

        while (order.NextPlacementStep is var step and not PlacementStep.Complete)
        {
            var stopped = step switch
            {
                PlacementStep.ReserveStock => await ReserveStockAsync(order, cancellationToken),
                PlacementStep.DecideCompliance => await DecideComplianceAsync(order, cancellationToken),
                _ => await AuthorizeAsync(order, cancellationToken),
            };
            if (stopped is not null)
            {
                return stopped;
            }
        }

        order.MarkReadyToFulfill(Actor, clock.GetUtcNow());
        if (order.IsCarryOut)
        {
            HandOver(order);
        }
        else
        {
            AnnounceReady(order);
        }

        await StopAsync(order, cancellationToken);
        LogReady(order.Number, order.Status.ToString());
        return new PlacementResult(order.IsCarryOut ? PlacementOutcome.Delivered : PlacementOutcome.ReadyToFulfill);
    }

    /// <summary>Placement stops here (ready, held or refused): the order is saved with its step marked done.</summary>
    private async Task StopAsync(Order order, CancellationToken cancellationToken)
    {
        db.CompleteHeldPlacement(order.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (db.TakeOutboxSignal())
        {
            outboxSignal.Notify(db);
        }
    }

    /// <summary>
    /// A carry-out sale completes as soon as it is placed and paid (API.md, "Completing a sale"): the order is Delivered
    /// and, in the same transaction, announced, so Inventory commits the stock and Payments captures the total, each
    /// exactly once through its inbox.
    /// </summary>
    private void HandOver(Order order)
    {
        order.HandOver(Actor, clock.GetUtcNow());
        db.AddIntegrationEvent(new OrderHandedOverIntegrationEvent(
            order.Id, order.Number, PlacementKeys.Stock(order.Id), order.Total, order.Currency,
            [.. order.Lines.Where(l => l.Status != OrderStatus.Cancelled).Select(l => new OrderReceivedLine(l.Sku, l.Quantity))]));
    }

    /// <summary>The order is ready to ship: announced in the same transaction, so Fulfillment sources it exactly once.</summary>
    private void AnnounceReady(Order order) => db.AddIntegrationEvent(ReadyAnnouncement.Of(order));

    /// <summary>Null when the stock is reserved (placement goes on); otherwise the result to answer with, saved.</summary>
    private async Task<PlacementResult?> ReserveStockAsync(Order order, CancellationToken cancellationToken)
    {
        var reservation = await sender.Send(
            new ReserveStockCommand(
                PlacementKeys.Stock(order.Id), order.Channel.ToString(), [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))], Timeout.InfiniteTimeSpan,
                ReplaceIfLinesDiffer: true), // a reservation taken for lines changed since (while backordered) follows the order
            cancellationToken);
        if (reservation.Reserved)
        {
            var where = string.Join(", ", reservation.Allocations.GroupBy(a => a.LocationCode).Select(g => $"{g.Sum(a => a.Quantity)} at {g.Key}"));
            order.MarkStockReserved($"Reserved {where}", clock.GetUtcNow());
            return null;
        }

        // Short of stock, the order waits (backordered or on an Inventory hold): the law decides now whether it may wait
        // at all, so a refusal is answered at once rather than when the stock arrives. Placement decides again when it
        // resumes with the stock reserved (the law may have changed meanwhile): this decision is not kept on the order.
        if (await CheckComplianceWhileShortAsync(order, cancellationToken) is { } stopped)
        {
            return stopped;
        }

        var now = clock.GetUtcNow();
        if (!await BackorderStep.TryBackorderAsync(sender, order, reservation, Actor, now, cancellationToken))
        {
            order.PlaceHold(new InsufficientStockRule(StockShortages.Describe(reservation.Shortages)), Actor, now);
        }

        return await HoldAsync(order, cancellationToken); // Backordered: resumed when Inventory allocates (Features/Backorders)
    }

    private async Task<PlacementResult?> CheckComplianceWhileShortAsync(Order order, CancellationToken cancellationToken)
    {
        var decision = await AskComplianceAsync(order, cancellationToken);
        if (decision.Outcome == ComplianceOutcome.Approved)
        {
            order.Record(clock.GetUtcNow(), "ComplianceChecked", $"May wait for stock: {decision.Reason} (decided again once the stock is reserved)", "system:compliance");
            return null;
        }

        return await ApplyComplianceStopAsync(order, decision, cancellationToken);
    }

    /// <summary>Null when approved (placement goes on); otherwise the result to answer with.</summary>
    private async Task<PlacementResult?> DecideComplianceAsync(Order order, CancellationToken cancellationToken)
    {
        var decision = await AskComplianceAsync(order, cancellationToken);
        if (decision.Outcome == ComplianceOutcome.Approved)
        {
            order.MarkComplianceApproved(decision.DecisionId, decision.AdultSignatureRequired, decision.Reason, clock.GetUtcNow());
            return null;
        }

        return await ApplyComplianceStopAsync(order, decision, cancellationToken);
    }

    private async Task<ComplianceDecisionDto> AskComplianceAsync(Order order, CancellationToken cancellationToken)
    {
        var key = PlacementKeys.Compliance(order.Id, order.StartComplianceCheck());
        return await sender.Send(ComplianceRequests.For(order, order.Lines.Select(l => l.AsPriced()), order.ShippingAddress, key), cancellationToken);
    }

    /// <summary>A held decision holds the order; a refusal cancels it (the cancellation event gives back what it took).</summary>
    private async Task<PlacementResult> ApplyComplianceStopAsync(Order order, ComplianceDecisionDto decision, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (decision.Outcome == ComplianceOutcome.Hold)
        {
            order.PlaceHold(new ComplianceHoldRule(decision.Rule, decision.Reason), Actor, now);
            return await HoldAsync(order, cancellationToken);
        }

        order.Cancel($"Refused by compliance ({decision.Rule}): {decision.Reason}", Actor, now);
        db.AddIntegrationEvent(new OrderCancelledIntegrationEvent(order.Id, order.Number, $"Refused: {decision.Reason}", PlacementKeys.Stock(order.Id)));
        await StopAsync(order, cancellationToken);
        LogRefused(order.Number, decision.Rule, decision.Reason);
        return new PlacementResult(PlacementOutcome.Refused, decision.Rule, decision.Reason);
    }

    /// <summary>Null when authorized (placement goes on); otherwise the order on a Payment hold, saved.</summary>
    private async Task<PlacementResult?> AuthorizeAsync(Order order, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(order.PaymentToken))
        {
            order.PlaceHold(new PaymentMissingRule(), Actor, clock.GetUtcNow());
            return await HoldAsync(order, cancellationToken);
        }

        var amount = order.Total - order.AuthorizedAmount;
        var attempt = order.PaymentAttempts == 0 ? order.StartPaymentAttempt() : order.PaymentAttempts;
        var result = await sender.Send(
            new AuthorizePaymentCommand(PlacementKeys.Authorization(order.Id, attempt), order.Id, order.Number, amount, order.Currency, order.PaymentToken),
            cancellationToken);
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case Payments.Contracts.Commands.PaymentOutcome.Succeeded:
                order.MarkPaymentAuthorized(result.Amount, $"Authorized {result.Amount:0.00} {result.Currency} ({result.Reference})", now);
                return null;
            case Payments.Contracts.Commands.PaymentOutcome.Pending:
                order.PlaceHold(new PaymentPendingRule(), Actor, now);
                db.AddInternalCommand(
                    new RetryPendingAuthorization(order.Id, order.Number) { OccurredAt = now }, now + PlacementSchedule.PendingAuthorizationRetry);
                return await HoldAsync(order, cancellationToken);
            default:
                order.StartPaymentAttempt(); // a released hold tries again with a new key
                order.PlaceHold(new PaymentDeclinedRule(result.DeclineCode ?? "declined", result.Message ?? string.Empty), Actor, now);
                return await HoldAsync(order, cancellationToken);
        }
    }

    private async Task<PlacementResult> HoldAsync(Order order, CancellationToken cancellationToken)
    {
        await StopAsync(order, cancellationToken);
        var hold = order.ActiveHolds.Last();
        LogHeld(order.Number, hold.Type.ToString(), hold.Reason);
        return new PlacementResult(PlacementOutcome.OnHold, hold.Rule, hold.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} placed: {Status}")]
    private partial void LogReady(string orderNumber, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} on {HoldType} hold: {Reason}")]
    private partial void LogHeld(string orderNumber, string holdType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} refused by compliance ({Rule}): {Reason}")]
    private partial void LogRefused(string orderNumber, string? rule, string reason);
}
