using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.QueueLowStockAlert;

/// <summary>Tells staff (<c>OrderHub:Notifications:StaffEmail</c>) a SKU ran low at a location, with the draft purchase order raised. Exactly once per finding (inbox).</summary>
internal sealed class QueueLowStockAlertHandler(NotificationsDbContext db, IOptions<StaffAlertOptions> options, TimeProvider clock, ILogger<QueueLowStockAlertHandler> logger)
    : InboxHandler<LowStockDetectedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override ValueTask HandleOnceAsync(LowStockDetectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        var nl = Environment.NewLine;
        var draft = e.PurchaseOrderId is { } id
            ? $"A draft purchase order {id} for {e.SuggestedQuantity} units to supplier {e.SupplierLocationCode} awaits review (POST /api/v1/purchase-orders/{id}/submit)."
            : $"No supplier is known for this SKU: order {e.SuggestedQuantity} units and set the supplier on the reorder point.";
        Db.EmailMessages.Add(EmailMessage.Queue(
            options.Value.StaffEmail,
            $"Low stock: {e.Sku} at {e.LocationCode}",
            $"{e.Sku} at {e.LocationCode}: {e.Available} available + {e.Expected} expected, below the reorder point of {e.ReorderPoint}.{nl}{nl}{draft}",
            null,
            e.Id,
            Clock.GetUtcNow()));
        Logger.LogInformation("Queued low-stock alert for {Sku} at {LocationCode}", e.Sku, e.LocationCode);
        return ValueTask.CompletedTask;
    }
}
