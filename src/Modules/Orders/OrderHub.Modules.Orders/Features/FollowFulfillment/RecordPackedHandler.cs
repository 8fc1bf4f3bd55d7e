using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>
/// A part of the order was packed: on the timeline, and the order is Packed when Fulfillment says every live part is
/// (asked when the event is handled, so of two parts packed at once the second event sees both), once (inbox).
/// </summary>
internal sealed class RecordPackedHandler(OrdersDbContext db, ISender sender, TimeProvider clock, ILogger<RecordPackedHandler> logger)
    : InboxHandler<FulfillmentPackedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(FulfillmentPackedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var parts = await sender.Send(new GetFulfillmentProgressQuery(e.OrderId), cancellationToken);
        var allPacked = parts.Where(p => p.Status != "Cancelled").All(p => p.Status is "Packed" or "Shipped");
        var detail = $"Packed at {e.LocationCode} in {e.Packages.Count} package(s): {string.Join(", ", e.Packages.Select(p => $"{p.Box} {p.WeightGrams / 1000m:0.##} kg"))}";
        order.RecordPacked(detail, allPacked, e.Actor, Clock.GetUtcNow());
    }
}
