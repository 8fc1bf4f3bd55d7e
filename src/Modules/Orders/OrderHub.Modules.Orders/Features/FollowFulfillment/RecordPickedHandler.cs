using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>A part of the order was picked: on the timeline, naming any units the picker did not find, once (inbox).</summary>
internal sealed class RecordPickedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordPickedHandler> logger)
    : InboxHandler<FulfillmentPickedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(FulfillmentPickedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var detail = e.Shortages.Count == 0
            ? $"Picked in full at {e.LocationCode} (pick list {e.PickListNumber})"
            : $"Picked at {e.LocationCode} (pick list {e.PickListNumber}) short of {string.Join(", ", e.Shortages.Select(s => $"{s.Missing} of {s.Wanted} x {s.Sku}"))}: not found in the bin, written off and sourced again";
        order.RecordPicked(detail, e.Shortages.Count == 0, e.Actor, Clock.GetUtcNow());
    }
}
