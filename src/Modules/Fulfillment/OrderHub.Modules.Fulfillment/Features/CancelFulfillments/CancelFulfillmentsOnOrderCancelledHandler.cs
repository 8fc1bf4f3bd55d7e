using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Fulfillment.Features.CancelFulfillments;

/// <summary>
/// An order was cancelled (or merged into another): every fulfillment of it not yet shipped is cancelled, once (inbox); a
/// pick list it is on keeps the items, and confirming them later skips it (its stock was released with the order).
/// </summary>
internal sealed class CancelFulfillmentsOnOrderCancelledHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<CancelFulfillmentsOnOrderCancelledHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, FulfillmentDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var fulfillments = await Db.Fulfillments.Where(f => f.OrderId == integrationEvent.OrderId).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var fulfillment in fulfillments.Where(f => f.IsActive))
        {
            fulfillment.Cancel(now);
            if (fulfillment.ReservationKey is { } key)
            {
                Db.AddInternalCommand(new ReleaseFulfillmentStock(key, "Order cancelled")); // the order's own reservation is released by Inventory
            }
        }
    }
}
