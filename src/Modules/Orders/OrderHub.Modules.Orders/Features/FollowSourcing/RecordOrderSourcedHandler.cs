using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowSourcing;

/// <summary>
/// Fulfillment sourced the order: where each part ships from goes on the order's timeline, and the compliance decision
/// is taken again for those origins (<see cref="RecheckComplianceForOrigin"/>), once (inbox).
/// </summary>
internal sealed class RecordOrderSourcedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordOrderSourcedHandler> logger)
    : InboxHandler<OrderSourcedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderSourcedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(integrationEvent.OrderId, cancellationToken);
        var parts = integrationEvent.Fulfillments.Select(f =>
            $"{f.LocationCode}{(f.Type == "Dropship" ? " (dropship)" : string.Empty)}: {string.Join(", ", f.Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}");
        order.RecordSourced(string.Join("; ", parts), "system:fulfillment", Clock.GetUtcNow());
        Db.AddInternalCommand(new RecheckComplianceForOrigin(order.Id, [.. integrationEvent.Fulfillments.Select(f => new SourcedOrigin(f.FulfillmentId, f.LocationCode))]));
    }
}
