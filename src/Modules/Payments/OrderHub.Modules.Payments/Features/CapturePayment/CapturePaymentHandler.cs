using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;

namespace OrderHub.Modules.Payments.Features.CapturePayment;

/// <summary>
/// Captures against the order's open authorizations, oldest first (one capture per shipment is normal). A step that
/// takes what is left of an authorization is final (the gateway releases nothing more). Capturing money whose hold
/// has expired fails clearly (<c>authorization_expired</c>) without calling the gateway.
/// </summary>
internal sealed class CapturePaymentHandler(PaymentProcessor processor) : ICommandHandler<CapturePaymentCommand, PaymentResultDto>
{
    public async ValueTask<PaymentResultDto> Handle(CapturePaymentCommand command, CancellationToken cancellationToken)
    {
        var (replay, ledger) = await processor.StartStepAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Capture, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var now = processor.Now;
        var open = ledger.Authorizations
            .Select(a => (Authorization: a, Uncaptured: ledger.Uncaptured(a)))
            .Where(x => x.Uncaptured > 0)
            .OrderBy(x => x.Authorization.IsExpiredAt(now))
            .ThenBy(x => x.Authorization.CreatedAt)
            .ToList();
        BusinessRules.Check(new CaptureMustNotExceedAuthorizedRule(command.Amount, open.Sum(x => x.Uncaptured)));

        var steps = new List<PaymentTransaction>();
        var left = command.Amount;
        foreach (var (authorization, uncaptured) in open)
        {
            if (left == 0)
            {
                break;
            }

            var amount = Math.Min(left, uncaptured);
            left -= amount;
            var step = PaymentTransaction
                .Start(PaymentTransactionType.Capture, command.OrderId, authorization.OrderNumber, amount, authorization.Currency,
                    command.IdempotencyKey, StepKey(command.IdempotencyKey, steps.Count), processor.GatewayName, now)
                .Against(authorization, releasesAll: amount == uncaptured);
            if (authorization.IsExpiredAt(now))
            {
                step.Record(PaymentOutcome.Failed, null, "authorization_expired",
                    $"The authorization {authorization.Reference} expired at {authorization.ExpiresAt:O}; authorize the order again before capturing.", now);
            }

            steps.Add(step);
        }

        return await processor.ExecuteAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Capture, steps, ledger, cancellationToken);
    }

    /// <summary>The first step uses the caller's key as is; further steps of the same command append their index.</summary>
    public static string StepKey(string key, int index) => index == 0 ? key : $"{key}#{index + 1}";
}
