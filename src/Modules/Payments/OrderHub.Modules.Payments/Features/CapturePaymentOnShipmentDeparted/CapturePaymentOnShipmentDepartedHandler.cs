using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Features.CapturePaymentOnShipmentDeparted;

/// <summary>
/// A shipment left with its carrier: its share of the order's total is captured, exactly once (inbox, and the capture
/// is keyed by the shipment, so a gateway retry never charges twice). A capture that fails is logged as an error for staff.
/// </summary>
internal sealed class CapturePaymentOnShipmentDepartedHandler(
    PaymentsDbContext db, ISender sender, TimeProvider clock, ILogger<CapturePaymentOnShipmentDepartedHandler> logger)
    : InboxHandler<OrderShipmentDepartedIntegrationEvent, PaymentsDbContext>(db, clock, logger)
{
    protected override bool Concerns(OrderShipmentDepartedIntegrationEvent e) => e.CaptureAmount != 0;

    protected override async ValueTask HandleOnceAsync(OrderShipmentDepartedIntegrationEvent e, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        var result = await sender.Send(new CapturePaymentCommand($"order:{e.OrderId:N}:capture:{e.ShipmentId:N}", e.OrderId, e.CaptureAmount), cancellationToken);
        if (result.Outcome == PaymentOutcome.Succeeded)
        {
            Logger.LogInformation("Captured {Amount} {Currency} of order {OrderNumber} for a shipment that left", result.Amount, result.Currency, e.OrderNumber);
        }
        else
        {
            Logger.LogError("Capturing {Amount} of order {OrderNumber} for a shipment failed: {Outcome} {DeclineCode} {Message}",
                e.CaptureAmount, e.OrderNumber, result.Outcome, result.DeclineCode, result.Message);
        }
    }
}
