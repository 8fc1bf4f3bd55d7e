using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>
/// Work waited past a location's pick deadline and is sourced again without it: on the timeline, once (inbox); where it
/// ships from now follows as <c>Sourced</c>.
/// </summary>
internal sealed class RecordStuckWorkResourcingHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordStuckWorkResourcingHandler> logger)
    : InboxHandler<StuckFulfillmentsResourcingIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(StuckFulfillmentsResourcingIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var parts = e.Fulfillments.Select(f => $"{f.LocationCode}: not on a pick list within {f.PickDeadlineHours} h");
        order.RecordStuckWorkResourcing($"{string.Join("; ", parts)}; sourcing again elsewhere", "system:fulfillment", Clock.GetUtcNow());
    }
}
