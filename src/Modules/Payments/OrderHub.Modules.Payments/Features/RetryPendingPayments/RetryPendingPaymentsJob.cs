using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Features.RetryPendingPayments;

/// <summary>
/// Retries payment steps left Pending by a gateway timeout, each with its original idempotency key, so the gateway
/// replays what it did instead of charging again. Idempotent and safe to run on several hosts at once (a step is
/// re-sent under the same key). The host schedules it (e.g. every minute); it returns how many steps it retried.
/// </summary>
internal sealed partial class RetryPendingPaymentsJob(IServiceScopeFactory scopes, ILogger<RetryPendingPaymentsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            pending = await db.Transactions.Where(t => t.Outcome == PaymentOutcome.Pending)
                .OrderBy(t => t.CreatedAt).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
        }

        var retried = 0;
        foreach (var id in pending)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                if (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RetryPendingPaymentCommand(id), cancellationToken))
                {
                    retried++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetryFailed(ex, id);
            }
        }

        return retried;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retrying pending payment step {TransactionId} failed")]
    private partial void LogRetryFailed(Exception exception, Guid transactionId);
}

/// <summary>Re-sends one pending step to the gateway under its own key (one unit of work per step).</summary>
internal sealed record RetryPendingPaymentCommand(Guid TransactionId) : ICommand<bool>;

internal sealed class RetryPendingPaymentHandler(PaymentsDbContext db, PaymentProcessor processor) : ICommandHandler<RetryPendingPaymentCommand, bool>
{
    public async ValueTask<bool> Handle(RetryPendingPaymentCommand command, CancellationToken cancellationToken)
    {
        var orderId = await db.Transactions.Where(t => t.Id == command.TransactionId && t.Outcome == PaymentOutcome.Pending)
            .Select(t => (Guid?)t.OrderId).FirstOrDefaultAsync(cancellationToken);
        if (orderId is null)
        {
            return false; // settled meanwhile (a replay by the caller, or another host)
        }

        var ledger = await processor.LoadLedgerAsync(orderId.Value, cancellationToken);
        await processor.CallGatewayAsync(ledger.Transactions.Single(t => t.Id == command.TransactionId), ledger, cancellationToken);
        return true;
    }
}
