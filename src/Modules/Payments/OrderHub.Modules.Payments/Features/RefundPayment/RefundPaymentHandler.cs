using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;
using OrderHub.Modules.Payments.Features.CapturePayment;

namespace OrderHub.Modules.Payments.Features.RefundPayment;

/// <summary>Refunds captured money, oldest capture first; more than was captured (and not yet refunded) is a 422.</summary>
internal sealed class RefundPaymentHandler(PaymentProcessor processor) : ICommandHandler<RefundPaymentCommand, PaymentResultDto>
{
    public async ValueTask<PaymentResultDto> Handle(RefundPaymentCommand command, CancellationToken cancellationToken)
    {
        var (replay, ledger) = await processor.StartStepAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Refund, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var refundable = ledger.Authorizations
            .Select(a => (Authorization: a, Refundable: ledger.Refundable(a)))
            .Where(x => x.Refundable > 0)
            .ToList();
        BusinessRules.Check(new RefundMustNotExceedCapturedRule(command.Amount, refundable.Sum(x => x.Refundable)));

        var now = processor.Now;
        var steps = new List<PaymentTransaction>();
        var left = command.Amount;
        foreach (var (authorization, available) in refundable)
        {
            if (left == 0)
            {
                break;
            }

            var amount = Math.Min(left, available);
            left -= amount;
            steps.Add(PaymentTransaction
                .Start(PaymentTransactionType.Refund, command.OrderId, authorization.OrderNumber, amount, authorization.Currency,
                    command.IdempotencyKey, CapturePaymentHandler.StepKey(command.IdempotencyKey, steps.Count), processor.GatewayName, now)
                .Against(authorization, command.Reason));
        }

        return await processor.ExecuteAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Refund, steps, ledger, cancellationToken);
    }
}
