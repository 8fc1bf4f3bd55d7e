using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>A part of the order went on a pick list: the order is Picking from the first one, once (inbox).</summary>
internal sealed class RecordPickingStartedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordPickingStartedHandler> logger)
    : InboxHandler<FulfillmentPickingStartedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(FulfillmentPickingStartedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(integrationEvent.OrderId, cancellationToken);
        order.RecordPickingStarted($"On pick list {integrationEvent.PickListNumber} at {integrationEvent.LocationCode}", integrationEvent.Actor, Clock.GetUtcNow());
    }
}
