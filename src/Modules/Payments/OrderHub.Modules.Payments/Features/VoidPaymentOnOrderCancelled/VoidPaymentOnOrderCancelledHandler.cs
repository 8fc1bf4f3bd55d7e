using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Features.VoidPaymentOnOrderCancelled;

/// <summary>A cancelled order releases every uncaptured authorization, exactly once (inbox; the void is also keyed).</summary>
internal sealed class VoidPaymentOnOrderCancelledHandler(PaymentsDbContext db, ISender sender, TimeProvider clock, ILogger<VoidPaymentOnOrderCancelledHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, PaymentsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new VoidPaymentCommand($"order:{integrationEvent.OrderId:N}:cancel", integrationEvent.OrderId, Amount: null, integrationEvent.Reason),
            cancellationToken);
        Logger.LogInformation("Voided authorizations of cancelled order {OrderNumber}: {Outcome} {Amount}", integrationEvent.OrderNumber, result.Outcome, result.Amount);
    }
}
