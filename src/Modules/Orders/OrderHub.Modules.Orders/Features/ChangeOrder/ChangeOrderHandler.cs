using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Orders.Placement;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

/// <summary>
/// One change operation (API.md). The order is first claimed for this change alone (<see cref="Order.StartChange"/>,
/// saved at once, so of several concurrent changes or cancels exactly one goes on and the rest are 409 with nothing
/// done). Then the stock delta, the compliance re-check and the payment delta are agreed with their modules; if any
/// refuses, what was already agreed is put back and the order stays exactly as it was (422 naming the rule). Only then
/// is the order itself changed, so its money always reconciles: authorized − released = the new total.
/// A change is also the way out of a dead-end hold: a date of birth re-decides compliance and clears a Compliance hold
/// it satisfies; a new card authorizes the total and clears a Payment hold.
/// </summary>
internal sealed partial class ChangeOrderHandler(
    OrdersDbContext db,
    ISender sender,
    OrderPricing pricing,
    TimeProvider clock,
    ILogger<ChangeOrderHandler> logger) : ICommandHandler<ChangeOrderCommand, bool>
{
    /// <summary>Applies the change; true when it cleared the order's last hold, so placement's next step is due.</summary>
    public async ValueTask<bool> Handle(ChangeOrderCommand command, CancellationToken cancellationToken)
    {
        var (orderId, request, actor) = (command.OrderId, (ChangeOrderRequest)command, command.Actor);
        var key = $"change:{orderId:N}:{command.IdempotencyKey}";
        var hash = command.RequestHash;
        var previous = await db.AppliedChanges.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (previous is not null)
        {
            return previous.RequestHash == hash
                ? false // already applied: answer with the order as it is
                : throw new ConflictException("This Idempotency-Key was already used with a different change.");
        }

        var order = await db.LoadOrderAsync(orderId, cancellationToken);
        EnsureChangeable(order);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.Number });
        var abandoned = order.ChangeLeaseUntil is not null; // expired, or StartChange throws: a change died half-way
        await ClaimAsync(order, cancellationToken);
        if (abandoned)
        {
            await RepairAbandonedChangeAsync(order, cancellationToken);
        }

        var steps = new ChangeSteps();
        try
        {
            var resumes = await ApplyClaimedAsync(order, request, key, hash, actor, steps, cancellationToken);
            await steps.AfterCommitAsync();
            return resumes;
        }
        catch (Exception ex)
        {
            // Whatever stopped the change (a refusal, a lost race, a failing module), the other modules go back to the
            // order as stored and the claim ends, so the next change or cancel need not wait for it to expire.
            await steps.UndoAsync();
            await ReleaseClaimAsync(orderId, cancellationToken);
            if (ex is DbUpdateException)
            {
                throw new ConflictException($"Order {order.Number} was changed by someone else meanwhile; nothing was changed, reload and retry.");
            }

            throw;
        }
    }

    private static void EnsureChangeable(Order order)
    {
        if (!OrderTransitions.IsBeforePicking(order.Status))
        {
            throw new ConflictException($"Order {order.Number} is {order.Status}; lines and address can change only before picking.");
        }

        if (order.IsBeingPlaced)
        {
            throw new ConflictException($"Order {order.Number} is still being placed (stock, compliance, payment); retry the change in a few seconds.");
        }
    }

    /// <summary>Saves the claim now: the version check lets one of several concurrent claims through.</summary>
    private async Task ClaimAsync(Order order, CancellationToken cancellationToken)
    {
        order.StartChange(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Order {order.Number} is being changed by another request; nothing was done, retry in a few seconds.");
        }
    }

    private async Task<bool> ApplyClaimedAsync(
        Order order, ChangeOrderRequest request, string key, string hash, string actor, ChangeSteps steps, CancellationToken cancellationToken)
    {
        var oldLines = order.Lines.Select(l => l.AsPriced()).ToList();
        var address = request.ShippingAddress?.ToAddress() ?? order.ShippingAddress;
        // Only new lines or a new address are priced again: a change of customer or card keeps the order's prices, so a
        // catalog price changed since placement cannot make the authorization differ from the total.
        var priced = request.ChangesLinesOrAddress ? await PriceAsync(order, request.Lines, oldLines, address, cancellationToken) : null;
        var lines = priced?.Lines ?? oldLines;
        var newTotal = priced is null ? order.Total : priced.Lines.Sum(l => l.Quantity * l.UnitPrice) + priced.Shipping + priced.Tax;
        var customer = order.Customer with
        {
            DateOfBirth = request.Customer?.DateOfBirth ?? order.Customer.DateOfBirth,
            Phone = request.Customer?.Phone ?? order.Customer.Phone,
        };

        await ChangeStockAsync(order, lines, oldLines, steps, cancellationToken);
        var decision = await RecheckComplianceAsync(order, customer, lines, address, oldLines, key, steps, cancellationToken);
        var payment = await SettlePaymentAsync(order, request.Payment, newTotal, key, steps, cancellationToken);

        var now = clock.GetUtcNow();
        order.EndChange();
        if (request.Customer is { } given)
        {
            order.UpdateCustomer(given.DateOfBirth, given.Phone, actor, now);
        }

        if (priced is not null)
        {
            order.ApplyChange(priced.Lines, address, priced.Shipping, priced.Tax, request.Reason!, actor, now);
        }

        if (decision is not null)
        {
            order.MarkComplianceApproved(decision.DecisionId, decision.AdultSignatureRequired, $"Re-checked after change: {decision.Reason}", now);
            if (order.HasActiveHold(HoldType.Compliance))
            {
                order.ReleaseHold(HoldType.Compliance, $"Cleared by a change ({request.Reason}): {decision.Reason}", actor, now);
            }
        }

        payment.ApplyTo(order, actor, now);
        if (priced is not null && order.Status == OrderStatus.ReadyToFulfill)
        {
            db.AddIntegrationEvent(ReadyAnnouncement.Of(order)); // new lines or address: Fulfillment sources it afresh
        }

        db.AppliedChanges.Add(new AppliedChange(key, hash, order.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        LogChanged(order.Number, actor, order.Total);
        return order.Status == OrderStatus.Received; // its last hold cleared: placement goes on
    }

    private async Task<PricedOrder> PriceAsync(
        Order order, IReadOnlyList<LineInput>? newLines, IReadOnlyList<PricedLine> oldLines, Address address, CancellationToken cancellationToken)
    {
        var wanted = newLines?.Select(l => (l.Sku!.Trim(), l.Quantity)).ToList() ?? [.. oldLines.Select(l => (l.Sku, l.Quantity))];
        if (order.IsReplacement)
        {
            // A replacement stays free (a new address keeps it so); new lines would be goods given away by whoever may change orders.
            return newLines is null
                ? await pricing.PriceAtNoChargeAsync(wanted, cancellationToken)
                : throw new BusinessRuleViolationException(
                    "ReplacementLinesFixed", $"Order {order.Number} is a replacement sent at no charge; its lines cannot change: cancel it and reship again.");
        }

        var priced = await pricing.PriceAsync(wanted, order.ShippingService, address, cancellationToken);
        return priced.Currency == order.Currency
            ? priced
            : throw new BusinessRuleViolationException("MixedCurrencies", $"The new lines are priced in {priced.Currency}; order {order.Number} is in {order.Currency}.");
    }

    private async Task ChangeStockAsync(Order order, IReadOnlyList<PricedLine> lines, IReadOnlyList<PricedLine> oldLines, ChangeSteps steps, CancellationToken cancellationToken)
    {
        if (!order.StockReserved || SameLines(lines, oldLines))
        {
            return; // not reserved yet (e.g. on an inventory hold): placement reserves the new lines when it resumes
        }

        var key = PlacementKeys.Stock(order.Id);
        var result = await sender.Send(new ReplaceReservationCommand(key, [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))]), cancellationToken);
        if (!result.Reserved)
        {
            var shortages = StockShortages.Describe(result.Shortages);
            throw new BusinessRuleViolationException(InsufficientStockRule.RuleName, $"Not enough stock for the change ({shortages}).");
        }

        steps.OnUndo(() => sender.Send(new ReplaceReservationCommand(key, [.. oldLines.Select(l => new StockLine(l.Sku, l.Quantity))]), CancellationToken.None).AsTask());
    }

    private static bool SameLines(IReadOnlyList<PricedLine> a, IReadOnlyList<PricedLine> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Sku == p.Second.Sku && p.First.Quantity == p.Second.Quantity);

    /// <summary>
    /// Re-decides when the order had a decision, or waits on a Compliance hold (the change may be what satisfies it, such
    /// as a date of birth). Null when there is nothing to decide now (placement decides when it resumes).
    /// </summary>
    private async Task<ComplianceDecisionDto?> RecheckComplianceAsync(
        Order order, Customer customer, IReadOnlyList<PricedLine> lines, Address address, IReadOnlyList<PricedLine> oldLines, string key, ChangeSteps steps,
        CancellationToken cancellationToken)
    {
        if (order.ComplianceDecisionId is null && !order.HasActiveHold(HoldType.Compliance))
        {
            return null;
        }

        var decision = await sender.Send(ComplianceRequests.For(order, customer, lines, address, $"{key}:compliance"), cancellationToken);
        if (decision.Outcome != ComplianceOutcome.Approved)
        {
            throw new BusinessRuleViolationException(decision.Rule ?? "Compliance", decision.Reason);
        }

        // Approving the change made it the order's counted volume; putting things back re-approves the old lines, or
        // stops counting the order when it had no approval before.
        var oldAddress = order.ShippingAddress;
        var hadApproval = order.ComplianceDecisionId is not null;
        steps.OnUndo(() => hadApproval
            ? sender.Send(ComplianceRequests.For(order, oldLines, oldAddress, $"{key}:compliance-undo"), CancellationToken.None).AsTask()
            : sender.Send(new ReleaseComplianceVolumeCommand(order.Id), CancellationToken.None).AsTask());
        return decision;
    }

    /// <summary>A new card authorizes the whole new total; otherwise the authorization follows the total's change.</summary>
    private async Task<PaymentChange> SettlePaymentAsync(
        Order order, PaymentInput? newCard, decimal newTotal, string key, ChangeSteps steps, CancellationToken cancellationToken)
    {
        if (newCard is not null)
        {
            return await TakeNewCardAsync(order, newCard.Token!, newTotal, key, steps, cancellationToken);
        }

        if (order.AuthorizedAmount == 0)
        {
            return PaymentChange.None; // nothing authorized yet: placement authorizes the new total when it resumes
        }

        var delta = newTotal - order.AuthorizedAmount;
        if (delta > 0 && PrepaidTokens.IsPrepaid(order.PaymentToken))
        {
            // The marketplace took the customer's money; a prepaid token authorizes anything, so more here would be free goods.
            throw new BusinessRuleViolationException("PaidAtMarketplace",
                $"This order was paid at the marketplace; a change that raises its total by {delta:0.00} {order.Currency} must be made there.");
        }

        if (delta > 0)
        {
            var authorized = await AuthorizeAsync(order, order.PaymentToken ?? string.Empty, delta, $"{key}:authorize", "extra", steps, cancellationToken);
            return new PaymentChange(authorized, 0, null);
        }

        if (delta < 0)
        {
            // Released after the order is saved: a release cannot be taken back if the save failed.
            var release = -delta;
            steps.AfterCommit(async () =>
            {
                var result = await sender.Send(new VoidPaymentCommand($"{key}:release", order.Id, release, "Order changed to a lower total"), CancellationToken.None);
                if (result.Outcome != Payments.Contracts.Commands.PaymentOutcome.Succeeded)
                {
                    LogReleaseFailed(order.Number, release, result.Message);
                }
            });
            return new PaymentChange(0, release, null);
        }

        return PaymentChange.None;
    }

    private async Task<PaymentChange> TakeNewCardAsync(Order order, string token, decimal newTotal, string key, ChangeSteps steps, CancellationToken cancellationToken)
    {
        if (PrepaidTokens.IsPrepaid(order.PaymentToken))
        {
            throw new BusinessRuleViolationException("PaidAtMarketplace", "This order was paid at the marketplace; its payment is changed there.");
        }

        if (order.AuthorizedAmount > 0)
        {
            throw new BusinessRuleViolationException("PaymentAlreadyAuthorized",
                $"Order {order.Number} already holds {order.AuthorizedAmount:0.00} {order.Currency} on its card; a new card is taken for an order on a Payment hold or not yet authorized.");
        }

        if (order.IsHeldBy(PaymentPendingRule.RuleName))
        {
            throw new ConflictException($"The gateway has not yet answered for order {order.Number}'s card (it is retried automatically); give a new card once it has.");
        }

        if (!order.HasActiveHold(HoldType.Payment))
        {
            return new PaymentChange(0, 0, token); // placement has not reached payment: it authorizes this card when it does
        }

        var authorized = await AuthorizeAsync(order, token, newTotal, $"{key}:authorize-card", "whole", steps, cancellationToken);
        return new PaymentChange(authorized, 0, token, ClearsPaymentHold: true);
    }

    private async Task<decimal> AuthorizeAsync(Order order, string token, decimal amount, string key, string what, ChangeSteps steps, CancellationToken cancellationToken)
    {
        if (amount == 0)
        {
            return 0;
        }

        var result = await sender.Send(new AuthorizePaymentCommand(key, order.Id, order.Number, amount, order.Currency, token), cancellationToken);
        if (result.Outcome != Payments.Contracts.Commands.PaymentOutcome.Succeeded)
        {
            throw new BusinessRuleViolationException(PaymentDeclinedRule.RuleName,
                $"The {what} {amount:0.00} {order.Currency} was not authorized: {result.DeclineCode ?? result.Outcome.ToString()} ({result.Message}).");
        }

        // Voids go newest first, so an undo releases exactly this authorization.
        steps.OnUndo(() => sender.Send(new VoidPaymentCommand($"{key}:undo", order.Id, result.Amount, "Order change not applied"), CancellationToken.None).AsTask());
        return result.Amount;
    }

    /// <summary>Ends a claim whose change was refused; a failure here only leaves the claim to expire.</summary>
    private async Task ReleaseClaimAsync(Guid orderId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var order = await db.LoadOrderAsync(orderId, cancellationToken);
            order.EndChange();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException)
        {
            LogClaimNotReleased(orderId, ex.Message);
        }
    }

    /// <summary>
    /// A change that died between its steps and its save left the other modules on its side of the change while the
    /// order kept the old one: put them back to the order as stored before going on.
    /// </summary>
    private async Task RepairAbandonedChangeAsync(Order order, CancellationToken cancellationToken)
    {
        var repairKey = $"order:{order.Id:N}:repair:{order.Version}";
        if (order.StockReserved)
        {
            await sender.Send(new ReplaceReservationCommand(PlacementKeys.Stock(order.Id), [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))]), cancellationToken);
        }

        if (order.ComplianceDecisionId is not null)
        {
            await sender.Send(ComplianceRequests.For(order, order.Lines.Select(l => l.AsPriced()), order.ShippingAddress, $"{repairKey}:compliance"), cancellationToken);
        }

        var ledger = await sender.Send(new GetOrderPaymentsQuery(order.Id), cancellationToken);
        var excess = ledger.Authorized - ledger.Voided - order.AuthorizedAmount;
        if (excess > 0)
        {
            await sender.Send(new VoidPaymentCommand($"{repairKey}:void", order.Id, excess, "An interrupted change authorized more than the order holds"), cancellationToken);
        }

        LogRepaired(order.Number, excess);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} changed by {Actor}; new total {Total}")]
    private partial void LogChanged(string orderNumber, string actor, decimal total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: releasing {Amount} of the authorization after a change failed: {Message}")]
    private partial void LogReleaseFailed(string orderNumber, decimal amount, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the change claim could not be released ({Message}); it expires by itself")]
    private partial void LogClaimNotReleased(Guid orderId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: repaired an interrupted change (stock, compliance and {Excess} of excess authorization put back)")]
    private partial void LogRepaired(string orderNumber, decimal excess);
}
