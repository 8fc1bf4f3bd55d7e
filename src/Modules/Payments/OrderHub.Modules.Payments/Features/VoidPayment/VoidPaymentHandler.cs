using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;
using OrderHub.Modules.Payments.Features.CapturePayment;

namespace OrderHub.Modules.Payments.Features.VoidPayment;

/// <summary>
/// Releases uncaptured money: all of it (each open authorization is cancelled) or part of it, newest authorization
/// first (an edit lowered the total). An expired hold is already released: it is recorded without a gateway call.
/// </summary>
internal sealed class VoidPaymentHandler(PaymentProcessor processor) : ICommandHandler<VoidPaymentCommand, PaymentResultDto>
{
    public async ValueTask<PaymentResultDto> Handle(VoidPaymentCommand command, CancellationToken cancellationToken)
    {
        var (replay, ledger) = await processor.StartStepAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Void, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var now = processor.Now;
        var open = ledger.Authorizations
            .Select(a => (Authorization: a, Uncaptured: ledger.Uncaptured(a)))
            .Where(x => x.Uncaptured > 0)
            .OrderByDescending(x => x.Authorization.CreatedAt)
            .ToList();
        var total = open.Sum(x => x.Uncaptured);
        var requested = command.Amount ?? total;
        BusinessRules.Check(new VoidMustNotExceedUncapturedRule(requested, total));

        var steps = new List<PaymentTransaction>();
        var left = requested;
        foreach (var (authorization, uncaptured) in open)
        {
            if (left == 0)
            {
                break;
            }

            var amount = Math.Min(left, uncaptured);
            left -= amount;
            var step = PaymentTransaction
                .Start(PaymentTransactionType.Void, command.OrderId, authorization.OrderNumber, amount, authorization.Currency,
                    command.IdempotencyKey, CapturePaymentHandler.StepKey(command.IdempotencyKey, steps.Count), processor.GatewayName, now)
                .Against(authorization, command.Reason, releasesAll: amount == uncaptured);
            if (authorization.IsExpiredAt(now))
            {
                step.Record(PaymentOutcome.Succeeded, authorization.Reference, null, "The authorization had expired; nothing was held any more.", now);
            }

            steps.Add(step);
        }

        return steps.Count == 0
            ? PaymentProcessor.Summarize([], ledger.Currency ?? string.Empty)
            : await processor.ExecuteAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Void, steps, ledger, cancellationToken);
    }
}
