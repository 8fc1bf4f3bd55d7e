using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Features.CapturePaymentOnOrderHandedOver;

/// <summary>A carry-out sale left the counter: its whole total is captured, exactly once (inbox; the capture is also keyed).</summary>
internal sealed class CapturePaymentOnOrderHandedOverHandler(
    PaymentsDbContext db, ISender sender, TimeProvider clock, ILogger<CapturePaymentOnOrderHandedOverHandler> logger)
    : InboxHandler<OrderHandedOverIntegrationEvent, PaymentsDbContext>(db, clock, logger)
{
    protected override bool Concerns(OrderHandedOverIntegrationEvent integrationEvent) => integrationEvent.Amount != 0; // 0: a free sample, nothing was charged

    protected override async ValueTask HandleOnceAsync(OrderHandedOverIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new CapturePaymentCommand($"order:{integrationEvent.OrderId:N}:capture:handover", integrationEvent.OrderId, integrationEvent.Amount), cancellationToken);
        if (result.Outcome == PaymentOutcome.Succeeded)
        {
            Logger.LogInformation("Captured {Amount} {Currency} of order {OrderNumber}, carried out at the counter", result.Amount, result.Currency, integrationEvent.OrderNumber);
        }
        else
        {
            Logger.LogError("Capturing order {OrderNumber} failed: {Outcome} {DeclineCode} {Message}", integrationEvent.OrderNumber, result.Outcome, result.DeclineCode, result.Message);
        }
    }
}
