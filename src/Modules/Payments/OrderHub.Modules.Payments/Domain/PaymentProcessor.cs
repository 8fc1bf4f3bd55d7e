using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Gateways;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Domain;

/// <summary>
/// Runs payment steps against the gateway and records them in the ledger. The ledger rows are written (Pending)
/// before the gateway is called, under a unique gateway key: a parallel duplicate waits on that row and then
/// replays its outcome instead of calling the gateway again. A timeout leaves the row Pending for
/// <see cref="Features.RetryPendingPayments.RetryPendingPaymentsJob"/>, which retries with the same key.
/// The key is the ledger's, not the pipeline's (the payment commands are not <c>IIdempotentCommand</c>): it goes to the
/// gateway, and a replay re-reads the ledger and retries a step still pending instead of repeating a stored answer.
/// </summary>
internal sealed partial class PaymentProcessor(
    PaymentsDbContext db,
    IPaymentGateway gateway,
    TimeProvider clock,
    IOptions<PaymentsOptions> options,
    ILogger<PaymentProcessor> logger)
{
    public string GatewayName => gateway.Name;

    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeSpan AuthorizationValidity => options.Value.AuthorizationValidity;

    public async Task<PaymentLedger> LoadLedgerAsync(Guid orderId, CancellationToken cancellationToken) =>
        new(await db.Transactions.Where(t => t.OrderId == orderId).ToListAsync(cancellationToken));

    /// <summary>
    /// One read to start a payment step: the order's ledger and this key's earlier rows. When the key was used, its earlier
    /// outcome (pending steps are retried now) is the step's answer; otherwise the ledger is what the step decides on.
    /// </summary>
    public async Task<(PaymentResultDto? Replay, PaymentLedger Ledger)> StartStepAsync(
        string key, Guid orderId, PaymentTransactionType type, CancellationToken cancellationToken)
    {
        var rows = await db.Transactions.Where(t => t.OrderId == orderId || t.CommandKey == key).ToListAsync(cancellationToken);
        var ledger = new PaymentLedger([.. rows.Where(r => r.OrderId == orderId)]);
        var keyRows = rows.Where(r => r.CommandKey == key).ToList();
        return (keyRows.Count == 0 ? null : await ReplayAsync(keyRows, key, orderId, type, ledger, cancellationToken), ledger);
    }

    /// <summary>The earlier outcome of this idempotency key's <paramref name="rows"/> (pending steps are retried now).</summary>
    private async Task<PaymentResultDto> ReplayAsync(
        List<PaymentTransaction> rows, string key, Guid orderId, PaymentTransactionType type, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        if (rows.Any(r => r.OrderId != orderId || r.Type != type))
        {
            throw new ConflictException($"Idempotency key '{key}' was already used for another payment step.");
        }

        if (rows.Any(r => r.IsPending))
        {
            foreach (var row in ledger.Transactions.Where(r => r.CommandKey == key && r.IsPending).OrderBy(r => r.GatewayKey, StringComparer.Ordinal))
            {
                await CallGatewayAsync(row, ledger, cancellationToken);
            }

            rows = [.. ledger.Transactions.Where(r => r.CommandKey == key)];
        }

        return Summarize(rows, rows[0].Currency);
    }

    /// <summary>Records the steps as Pending (the idempotency claim), then calls the gateway for each.</summary>
    public async Task<PaymentResultDto> ExecuteAsync(
        string key, Guid orderId, PaymentTransactionType type, IReadOnlyList<PaymentTransaction> steps, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        db.Transactions.AddRange(steps);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel request with the same key claimed it first (its transaction has committed by now).
            foreach (var step in steps)
            {
                db.Entry(step).State = EntityState.Detached;
            }

            return (await StartStepAsync(key, orderId, type, cancellationToken)).Replay
                ?? throw new ConflictException($"Payment step '{key}' could not be recorded; retry with the same key.");
        }

        var all = new PaymentLedger([.. ledger.Transactions, .. steps]);
        foreach (var step in steps.Where(s => s.IsPending))
        {
            await CallGatewayAsync(step, all, cancellationToken);
        }

        return Summarize(steps, steps[0].Currency);
    }

    /// <summary>Calls the gateway for one pending step (first try or a retry, always with the step's own key).</summary>
    public async Task CallGatewayAsync(PaymentTransaction step, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        GatewayResult result;
        try
        {
            result = step.Type == PaymentTransactionType.Authorization
                ? await gateway.AuthorizeAsync(new GatewayAuthorization(step.GatewayKey, step.OrderNumber, step.Amount, step.Currency, step.Token!), cancellationToken)
                : await CallAgainstAuthorizationAsync(step, ledger, cancellationToken);
        }
        catch (PaymentGatewayTimeoutException ex)
        {
            var giveUp = step.Attempts + 1 >= options.Value.MaxAttempts;
            step.Record(
                giveUp ? PaymentOutcome.Failed : PaymentOutcome.Pending,
                null,
                giveUp ? "gateway_timeout" : null,
                giveUp ? $"The gateway did not answer after {step.Attempts + 1} attempts." : "The gateway did not answer; the attempt will be retried with the same key.",
                Now);
            LogTimeout(step.OrderNumber, step.Type, step.GatewayKey, step.Attempts, ex.Message);
            return;
        }

        step.Record(result.Outcome, result.Reference, result.DeclineCode, result.Message, Now);
        if (result.Outcome == PaymentOutcome.Succeeded)
        {
            LogSucceeded(step.OrderNumber, step.Type, step.Amount, step.Currency, result.Reference);
            if (step.Type == PaymentTransactionType.Refund)
            {
                db.AddIntegrationEvent(new RefundIssuedIntegrationEvent(step.OrderId, step.OrderNumber, step.Id, step.Amount, step.Currency, step.Reason, result.Reference));
            }
        }
        else
        {
            LogRefused(step.OrderNumber, step.Type, step.Amount, step.Currency, result.Outcome, result.DeclineCode, result.Message);
        }
    }

    public static PaymentResultDto Summarize(IReadOnlyList<PaymentTransaction> rows, string currency)
    {
        if (rows.Count == 0)
        {
            return new PaymentResultDto(PaymentOutcome.Succeeded, 0m, currency, null, null, "Nothing to do.");
        }

        var amount = rows.Sum(r => r.Amount);
        var pending = rows.FirstOrDefault(r => r.IsPending);
        if (pending is not null)
        {
            return new PaymentResultDto(PaymentOutcome.Pending, amount, currency, pending.Reference, null, pending.Message);
        }

        var refused = rows.FirstOrDefault(r => !r.Succeeded);
        return refused is null
            ? new PaymentResultDto(PaymentOutcome.Succeeded, amount, currency, rows[0].Reference, null, null)
            : new PaymentResultDto(refused.Outcome, amount, currency, refused.Reference, refused.DeclineCode, refused.Message);
    }

    private Task<GatewayResult> CallAgainstAuthorizationAsync(PaymentTransaction step, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var authorization = ledger.Transactions.Single(t => t.Id == step.AuthorizationId);
        var reference = authorization.Reference!;
        return step.Type switch
        {
            PaymentTransactionType.Capture => gateway.CaptureAsync(new GatewayCapture(step.GatewayKey, reference, step.Amount, step.Currency, step.ReleasesAll), cancellationToken),
            PaymentTransactionType.Void => gateway.VoidAsync(new GatewayVoid(step.GatewayKey, reference, step.Amount, step.Currency, step.ReleasesAll, step.Reason ?? "requested_by_customer"), cancellationToken),
            PaymentTransactionType.Refund => gateway.RefundAsync(new GatewayRefund(step.GatewayKey, reference, step.Amount, step.Currency, step.Reason ?? "requested_by_customer"), cancellationToken),
            _ => throw new InvalidOperationException($"Unexpected step type {step.Type}."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {Type} for order {OrderNumber} succeeded: {Amount} {Currency}, reference {Reference}")]
    private partial void LogSucceeded(string orderNumber, PaymentTransactionType type, decimal amount, string currency, string? reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {Type} for order {OrderNumber} of {Amount} {Currency} ended {Outcome}: {DeclineCode} {GatewayMessage}")]
    private partial void LogRefused(string orderNumber, PaymentTransactionType type, decimal amount, string currency, PaymentOutcome outcome, string? declineCode, string? gatewayMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {Type} for order {OrderNumber} timed out (key {GatewayKey}, attempt {Attempts}): {Error}")]
    private partial void LogTimeout(string orderNumber, PaymentTransactionType type, string gatewayKey, int attempts, string error);
}
