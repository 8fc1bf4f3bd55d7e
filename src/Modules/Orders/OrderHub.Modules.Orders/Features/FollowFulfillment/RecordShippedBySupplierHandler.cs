using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>
/// A supplier shipped its dropship part: on the timeline (ShippedBySupplier, carrier and tracking number) and the
/// order's lines of that part are Shipped; the order is Shipped once every live line is, PartiallyShipped before. Once (inbox).
/// </summary>
internal sealed class RecordShippedBySupplierHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordShippedBySupplierHandler> logger)
    : InboxHandler<DropshipShippedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(DropshipShippedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        order.ShipBySupplier([.. e.Lines.Select(l => l.LineNumber).Distinct()], e.SupplierCode, e.Carrier, e.TrackingNumber, e.Actor, Clock.GetUtcNow());
    }
}
