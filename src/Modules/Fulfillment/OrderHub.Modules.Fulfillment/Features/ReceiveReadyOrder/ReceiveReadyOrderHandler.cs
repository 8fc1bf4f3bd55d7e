using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
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
            Logger.LogWarning("Order {OrderNumber} is ready again but picking has started; its fulfillments stand", e.OrderNumber);
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
    /// An order comes back ready (its lines or address changed, or a sourcing hold was released): what was kept of it
    /// goes and its open fulfillments are cancelled, so it is sourced afresh. False once picking started somewhere
    /// (Orders refuses changes then; nothing is undone here).
    /// </summary>
    private async Task<bool> ForgetUnsourcedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (!await Db.OrdersToFulfill.AnyAsync(o => o.OrderId == orderId, cancellationToken))
        {
            return true; // the usual case, an order ready for the first time: one look-up, nothing to forget
        }

        var fulfillments = await Db.Fulfillments.Where(f => f.OrderId == orderId && f.Status != FulfillmentStatus.Cancelled).ToListAsync(cancellationToken);
        if (fulfillments.Any(f => !f.IsOpen))
        {
            return false;
        }

        var now = Clock.GetUtcNow();
        fulfillments.ForEach(f => f.Cancel(now));
        await Db.SourcingDecisions.Where(d => d.OrderId == orderId).ExecuteDeleteAsync(cancellationToken);
        await Db.OrdersToFulfill.Where(o => o.OrderId == orderId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }
}
