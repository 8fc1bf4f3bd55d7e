using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.QueueLowStockAlert;

/// <summary>
/// A SKU ran low at a location: a staff alert (one open per SKU and location) with the draft purchase order raised,
/// emailed to <c>AlertEmails:LowStock</c> (else <c>StaffEmail</c>). Exactly once per finding (inbox).
/// </summary>
internal sealed class QueueLowStockAlertHandler(NotificationsDbContext db, StaffAlertDesk desk, TimeProvider clock, ILogger<QueueLowStockAlertHandler> logger)
    : InboxHandler<LowStockDetectedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(LowStockDetectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        var draft = e.PurchaseOrderId is { } id
            ? $"Review and submit the draft purchase order {id} for {e.SuggestedQuantity} units to supplier {e.SupplierLocationCode} (POST /api/v1/purchase-orders/{id}/submit)."
            : $"No supplier is known for this SKU: order {e.SuggestedQuantity} units and set the supplier on the reorder point.";
        await desk.RaiseAsync(
            new NewStaffAlert(
                AlertKind.LowStock,
                AlertSeverity.Warning,
                $"Low stock: {e.Sku} at {e.LocationCode}",
                $"{e.Available} available + {e.Expected} expected, below the reorder point of {e.ReorderPoint}. {draft}",
                $"/inventory?sku={Uri.EscapeDataString(e.Sku)}",
                $"{e.Sku} @ {e.LocationCode}",
                $"LowStock:{e.Sku}@{e.LocationCode}"),
            e.Id,
            cancellationToken);
    }
}
