using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Http;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

/// <summary>
/// One change operation (API.md): the stock delta, the compliance re-check and the payment delta are agreed with
/// their modules first; if any refuses, what was already agreed is put back and the order stays exactly as it was
/// (422 naming the rule). Only then is the order itself changed, so its money always reconciles:
/// authorized − released = the new total.
/// </summary>
internal sealed partial class OrderChange(
    OrdersDbContext db,
    ISender sender,
    OrderPricing pricing,
    IValidator<ChangeOrderRequest> validator,
    TimeProvider clock,
    ILogger<OrderChange> logger)
{
    /// <summary>
    /// The longest client key a change or consolidation accepts: it is stored as <c>[merge:]change:{order id}:{key}</c>
    /// (46 characters more) and sent on to the other modules with a suffix, and every one of those keys must fit its
    /// column (200) — a longer key would fail only at the final save, after stock, compliance and payment steps ran.
    /// </summary>
    public const int MaxClientKeyLength = 100;

    public async Task ApplyAsync(Guid orderId, ChangeOrderRequest request, string idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var key = $"change:{orderId:N}:{idempotencyKey}";
        var hash = IdempotencyKeys.Fingerprint(request);
        var previous = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (previous is not null)
        {
            if (previous.RequestHash != hash)
            {
                throw new ConflictException("This Idempotency-Key was already used with a different change.");
            }

            return; // already applied: answer with the order as it is
        }

        var order = await db.LoadOrderAsync(orderId, cancellationToken);
        if (!OrderTransitions.IsBeforePicking(order.Status))
        {
            throw new ConflictException($"Order {order.Number} is {order.Status}; lines and address can change only before picking.");
        }

        if (order.IsBeingPlaced)
        {
            throw new ConflictException($"Order {order.Number} is still being placed (stock, compliance, payment); retry the change in a few seconds.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.Number });
        var oldLines = order.Lines.Select(l => l.AsPriced()).ToList();
        var address = request.ShippingAddress?.ToAddress() ?? order.ShippingAddress;
        var wanted = request.Lines?.Select(l => (l.Sku!.Trim(), l.Quantity)).ToList() ?? [.. oldLines.Select(l => (l.Sku, l.Quantity))];
        var priced = await pricing.PriceAsync(wanted, order.ShippingService, address, cancellationToken);
        var newTotal = priced.Lines.Sum(l => l.Quantity * l.UnitPrice) + priced.Shipping + priced.Tax;

        var undo = new Stack<Func<Task>>();
        try
        {
            await ChangeStockAsync(order, priced.Lines, oldLines, undo, cancellationToken);
            var decision = await RecheckComplianceAsync(order, priced.Lines, address, oldLines, key, undo, cancellationToken);
            var paymentDelta = await SettlePaymentDeltaAsync(order, newTotal, key, cancellationToken);

            var now = clock.GetUtcNow();
            if (decision is not null)
            {
                order.MarkComplianceApproved(decision.DecisionId, decision.AdultSignatureRequired, $"Re-checked after change: {decision.Reason}", now);
            }

            if (paymentDelta > 0)
            {
                order.MarkPaymentAuthorized(paymentDelta, $"Authorized {paymentDelta:0.00} more for the change", now);
            }
            else if (paymentDelta < 0)
            {
                order.MarkPaymentReleased(-paymentDelta, $"Released {-paymentDelta:0.00} of the authorization for the change", now);
            }

            order.ApplyChange(priced.Lines, address, priced.Shipping, priced.Tax, request.Reason!, actor, now);
            db.IdempotencyRecords.Add(new IdempotencyRecord(key, hash, order.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            LogChanged(order.Number, actor, order.Total);
        }
        catch (Exception ex) when (ex is BusinessRuleViolationException or DbUpdateConcurrencyException)
        {
            while (undo.Count > 0)
            {
                await undo.Pop()();
            }

            if (ex is DbUpdateConcurrencyException)
            {
                throw new ConflictException($"Order {order.Number} was changed by someone else meanwhile; nothing was changed, reload and retry.");
            }

            throw;
        }
    }

    private async Task ChangeStockAsync(Order order, IReadOnlyList<PricedLine> lines, IReadOnlyList<PricedLine> oldLines, Stack<Func<Task>> undo, CancellationToken cancellationToken)
    {
        if (!order.StockReserved)
        {
            return; // not reserved yet (e.g. on an inventory hold): placement reserves the new lines when it resumes
        }

        var key = PlacementKeys.Stock(order.Id);
        var result = await sender.Send(new ReplaceReservationCommand(key, [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))]), cancellationToken);
        if (!result.Reserved)
        {
            var shortages = StockShortages.Describe(result.Shortages);
            throw new BusinessRuleViolationException("InsufficientStock", $"Not enough stock for the change ({shortages}).");
        }

        undo.Push(() => sender.Send(new ReplaceReservationCommand(key, [.. oldLines.Select(l => new StockLine(l.Sku, l.Quantity))]), CancellationToken.None).AsTask());
    }

    private async Task<ComplianceDecisionDto?> RecheckComplianceAsync(
        Order order, IReadOnlyList<PricedLine> lines, Address address, IReadOnlyList<PricedLine> oldLines, string key, Stack<Func<Task>> undo, CancellationToken cancellationToken)
    {
        if (order.ComplianceDecisionId is null)
        {
            return null; // not decided yet: placement decides on the changed order when it resumes
        }

        var decision = await sender.Send(ComplianceRequests.For(order, lines, address, $"{key}:compliance"), cancellationToken);
        if (decision.Outcome != ComplianceOutcome.Approved)
        {
            throw new BusinessRuleViolationException(decision.Rule ?? "Compliance", decision.Reason);
        }

        // Approving the change made it the order's counted volume; putting things back re-approves the old lines.
        var oldAddress = order.ShippingAddress;
        undo.Push(() => sender.Send(ComplianceRequests.For(order, oldLines, oldAddress, $"{key}:compliance-undo"), CancellationToken.None).AsTask());
        return decision;
    }

    /// <summary>Authorizes more or releases part of the authorization; returns the change in authorized amount.</summary>
    private async Task<decimal> SettlePaymentDeltaAsync(Order order, decimal newTotal, string key, CancellationToken cancellationToken)
    {
        if (order.AuthorizedAmount == 0)
        {
            return 0; // nothing authorized yet: placement authorizes the new total when it resumes
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
            var result = await sender.Send(
                new AuthorizePaymentCommand($"{key}:authorize", order.Id, order.Number, delta, order.Currency, order.PaymentToken ?? string.Empty), cancellationToken);
            if (result.Outcome != Payments.Contracts.Commands.PaymentOutcome.Succeeded)
            {
                throw new BusinessRuleViolationException("PaymentDeclined", $"The extra {delta:0.00} {order.Currency} was not authorized: {result.DeclineCode ?? result.Outcome.ToString()} ({result.Message}).");
            }

            return result.Amount;
        }

        if (delta < 0)
        {
            var result = await sender.Send(new VoidPaymentCommand($"{key}:release", order.Id, -delta, "Order changed to a lower total"), cancellationToken);
            return result.Outcome == Payments.Contracts.Commands.PaymentOutcome.Succeeded ? -result.Amount : 0;
        }

        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} changed by {Actor}; new total {Total}")]
    private partial void LogChanged(string orderNumber, string actor, decimal total);
}
