using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Fulfillment.Features.FollowShipments;

/// <summary>A fulfillment's shipment left with its carrier: the fulfillment is Shipped, with its shipment's id. Once (inbox).</summary>
internal sealed class MarkShippedOnShipmentDepartedHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<MarkShippedOnShipmentDepartedHandler> logger)
    : InboxHandler<ShipmentStatusChangedIntegrationEvent, FulfillmentDbContext>(db, clock, logger)
{
    protected override bool Concerns(ShipmentStatusChangedIntegrationEvent e) => e.HasLeft && e.PreviousStatus == "LabelCreated";

    protected override async ValueTask HandleOnceAsync(ShipmentStatusChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var fulfillment = await Db.Fulfillments.SingleOrDefaultAsync(f => f.Id == e.FulfillmentId, cancellationToken);
        fulfillment?.MarkShipped(e.ShipmentId, Clock.GetUtcNow());
    }
}
