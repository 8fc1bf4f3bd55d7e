using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowSourcing;

/// <summary>
/// No location may ship part of the order: it goes on an Inventory hold naming why, once (inbox). Staff fix the cause
/// (a permit, a location, stock) and release it; placement then runs again and the order is sourced afresh.
/// </summary>
internal sealed class HoldUnsourcedOrderHandler(OrdersDbContext db, TimeProvider clock, ILogger<HoldUnsourcedOrderHandler> logger)
    : InboxHandler<OrderNotSourcedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderNotSourcedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(integrationEvent.OrderId, cancellationToken);
        if (order.Status != OrderStatus.ReadyToFulfill)
        {
            return; // cancelled or changed meanwhile: nothing waits on this sourcing any more
        }

        order.PlaceHold(new NoShipFromLocationRule(integrationEvent.Reason), "system:fulfillment", Clock.GetUtcNow());
    }
}
