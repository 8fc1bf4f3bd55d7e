using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Domain.Orders;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Fulfillment.Features.ReceiveReadyOrder;

/// <summary>
/// An order is ready to ship: Fulfillment keeps what it needs to source, pick and pack it, exactly once (inbox), so the
/// order's journey goes on here even if Orders is busy or the event is delivered twice.
/// </summary>
internal sealed class ReceiveReadyOrderHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<ReceiveReadyOrderHandler> logger)
    : InboxHandler<OrderReadyToFulfillIntegrationEvent, FulfillmentDbContext>(db, clock, logger)
{
    protected override ValueTask HandleOnceAsync(OrderReadyToFulfillIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        Db.OrdersToFulfill.Add(OrderToFulfill.Receive(
            new ReadyOrder(
                e.OrderId, e.OrderNumber, e.Channel, e.StockReservationKey, e.RecipientName, e.ShipTo, e.ShippingService,
                e.AdultSignatureRequired, e.PlacedAt, [.. e.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity))]),
            Clock.GetUtcNow()));
        using (Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber }))
        {
            Logger.LogInformation("Order {OrderNumber} is ready to fulfil with {LineCount} line(s) to {Region}", e.OrderNumber, e.Lines.Count, e.ShipTo.Region);
        }

        return ValueTask.CompletedTask;
    }
}
