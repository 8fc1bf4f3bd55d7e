using Mediator;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Domain;

namespace OrderHub.Modules.Payments.Features.GetOrderPayments;

internal sealed class GetOrderPaymentsHandler(PaymentProcessor processor) : IQueryHandler<GetOrderPaymentsQuery, OrderPaymentsDto>
{
    public async ValueTask<OrderPaymentsDto> Handle(GetOrderPaymentsQuery query, CancellationToken cancellationToken)
    {
        var ledger = await processor.LoadLedgerAsync(query.OrderId, cancellationToken);
        return new OrderPaymentsDto(
            query.OrderId,
            ledger.Currency ?? string.Empty,
            ledger.Authorized,
            ledger.Voided,
            ledger.Captured,
            ledger.Refunded,
            [.. ledger.Transactions
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.GatewayKey, StringComparer.Ordinal)
                .Select(t => new PaymentTransactionDto(t.Type.ToString(), t.Amount, t.Currency, t.Status, t.Reference, t.UpdatedAt))]);
    }
}
