using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.RaiseStartPickingAlert;

/// <summary>
/// An order was sourced to warehouses: each gets a "start picking" alert, one open per location (a wave's worth).
/// More work arriving while it is open only counts on it; once acknowledged (the wave made), the next work raises a new
/// one. Dropship locations pick nothing here.
/// </summary>
internal sealed class RaiseStartPickingAlertHandler(NotificationsDbContext db, StaffAlertDesk desk, TimeProvider clock, ILogger<RaiseStartPickingAlertHandler> logger)
    : InboxHandler<OrderSourcedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderSourcedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var location in integrationEvent.Fulfillments.Where(f => f.Type == "Warehouse").Select(f => f.LocationCode).Distinct(StringComparer.Ordinal))
        {
            await desk.RaiseAsync(
                new NewStaffAlert(
                    AlertKind.StartPicking,
                    AlertSeverity.Info,
                    $"Start picking at {location}: new work is ready",
                    $"Orders are ready to pick at {location} (the latest: {integrationEvent.OrderNumber}). Make a pick list for {location} on the picking board, "
                        + "print it and pick; acknowledge this alert once the wave is made.",
                    "/fulfillment/pick-lists",
                    location,
                    $"StartPicking:{location}")
                { OrderNumber = integrationEvent.OrderNumber },
                integrationEvent.Id,
                cancellationToken);
        }
    }
}
