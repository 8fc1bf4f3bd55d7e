using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.RaiseShipmentExceptionAlert;

/// <summary>A carrier scanned a shipment as Exception: a critical alert (one open per shipment) to contact the carrier. Once per scan (inbox).</summary>
internal sealed class RaiseShipmentExceptionAlertHandler(NotificationsDbContext db, StaffAlertDesk desk, TimeProvider clock, ILogger<RaiseShipmentExceptionAlertHandler> logger)
    : InboxHandler<ShipmentStatusChangedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override bool Concerns(ShipmentStatusChangedIntegrationEvent integrationEvent) => integrationEvent.Status == "Exception";

    protected override async ValueTask HandleOnceAsync(ShipmentStatusChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        var what = string.IsNullOrWhiteSpace(e.Description) ? "no reason given" : e.Description.Trim();
        var estimate = e.EstimatedDelivery is { } date ? $" (due {date:yyyy-MM-dd})" : string.Empty;
        await desk.RaiseAsync(
            new NewStaffAlert(
                AlertKind.ShipmentException,
                AlertSeverity.Critical,
                $"Carrier exception on order {e.OrderNumber}: {e.Carrier} {e.TrackingNumber}",
                $"{e.Carrier} reported an exception at {e.At:yyyy-MM-dd HH:mm} UTC: {what}. Contact {e.Carrier} with tracking number {e.TrackingNumber} "
                    + $"to learn whether it will be redelivered or returned, then tell the customer of order {e.OrderNumber}{estimate} what happens next. "
                    + "If it comes back, re-ship or refund from the order page.",
                $"/shipping/shipments/{e.ShipmentId}",
                $"{e.OrderNumber} / {e.TrackingNumber}",
                $"ShipmentException:{e.ShipmentId}")
            { OrderNumber = e.OrderNumber },
            e.Id,
            cancellationToken);
    }
}
