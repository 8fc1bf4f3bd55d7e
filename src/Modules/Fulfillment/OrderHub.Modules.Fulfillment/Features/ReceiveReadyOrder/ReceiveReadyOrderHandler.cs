using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Domain.Orders;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Fulfillment.Features.ReceiveReadyOrder;

/// <summary>
/// An order is ready to ship: Fulfillment keeps what it needs to source, pick and pack it, exactly once (inbox), and
/// writes its sourcing step (<see cref="SourceOrder"/>) in the same transaction.
/// </summary>
internal sealed class ReceiveReadyOrderHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<ReceiveReadyOrderHandler> logger)
    : InboxHandler<OrderReadyToFulfillIntegrationEvent, FulfillmentDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(OrderReadyToFulfillIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (!await ForgetUnsourcedAsync(e.OrderId, cancellationToken))
        {
            Logger.LogWarning("Order {OrderNumber} is ready again but already has fulfillments; they stand", e.OrderNumber);
            return;
        }

        Db.OrdersToFulfill.Add(OrderToFulfill.Receive(
            new ReadyOrder(
                e.OrderId, e.OrderNumber, e.Channel, e.StockReservationKey, e.RecipientName, e.ShipTo, e.ShippingService,
                e.AdultSignatureRequired, e.PlacedAt, [.. e.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity))]),
            Clock.GetUtcNow()));
        Db.AddInternalCommand(new SourceOrder(e.OrderId, e.OrderNumber));
        using (Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber }))
        {
            Logger.LogInformation("Order {OrderNumber} is ready to fulfil with {LineCount} line(s) to {Region}", e.OrderNumber, e.Lines.Count, e.ShipTo.Region);
        }

    }

    /// <summary>
    /// An order comes back ready after a hold sourcing asked for (no location could ship it) was released: what was kept
    /// of it goes, so it is sourced afresh. False when it already has fulfillments (nothing is forgotten then).
    /// </summary>
    private async Task<bool> ForgetUnsourcedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (await Db.Fulfillments.AnyAsync(f => f.OrderId == orderId, cancellationToken))
        {
            return false;
        }

        await Db.SourcingDecisions.Where(d => d.OrderId == orderId).ExecuteDeleteAsync(cancellationToken);
        await Db.OrdersToFulfill.Where(o => o.OrderId == orderId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }
}
