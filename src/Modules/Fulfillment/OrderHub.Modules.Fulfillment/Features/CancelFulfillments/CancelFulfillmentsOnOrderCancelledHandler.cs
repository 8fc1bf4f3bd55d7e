using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Fulfillment.Features.CancelFulfillments;

/// <summary>An order was cancelled (or merged into another): its open fulfillments are cancelled, once (inbox).</summary>
internal sealed class CancelFulfillmentsOnOrderCancelledHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<CancelFulfillmentsOnOrderCancelledHandler> logger)
    : InboxHandler<OrderCancelledIntegrationEvent, FulfillmentDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var open = await Db.Fulfillments.Where(f => f.OrderId == integrationEvent.OrderId).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var fulfillment in open.Where(f => f.IsOpen))
        {
            fulfillment.Cancel(now);
        }

        if (open.Any(f => f.IsOpen is false && f.Status != Domain.Fulfillments.FulfillmentStatus.Cancelled))
        {
            Logger.LogWarning("Order {OrderNumber} was cancelled with picking started: those fulfillments stand for staff", integrationEvent.OrderNumber);
        }
    }
}
