using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Domain;

namespace OrderHub.Modules.Payments.Features.AuthorizePayment;

/// <summary>Holds the money on the card; a decline is a result the caller turns into a Payment hold.</summary>
internal sealed class AuthorizePaymentHandler(PaymentProcessor processor) : ICommandHandler<AuthorizePaymentCommand, PaymentResultDto>
{
    public async ValueTask<PaymentResultDto> Handle(AuthorizePaymentCommand command, CancellationToken cancellationToken)
    {
        var (replay, ledger) = await processor.StartStepAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Authorization, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        BusinessRules.Check(new PaymentCurrencyMustMatchOrderRule(command.Currency, ledger.Authorizations.Any() || ledger.Transactions.Any(t => t.IsPending) ? ledger.Currency : null));

        var now = processor.Now;
        var step = PaymentTransaction
            .Start(PaymentTransactionType.Authorization, command.OrderId, command.OrderNumber, command.Amount, command.Currency,
                command.IdempotencyKey, command.IdempotencyKey, processor.GatewayName, now)
            .ForAuthorization(command.Token, now + processor.AuthorizationValidity);
        return await processor.ExecuteAsync(command.IdempotencyKey, command.OrderId, PaymentTransactionType.Authorization, [step], ledger, cancellationToken);
    }
}
