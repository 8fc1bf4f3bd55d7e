using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Orders.Features.FollowShipments;

/// <summary>
/// The order follows its shipments (<see cref="Order.FollowShipment"/>): on the timeline, shipments[] on the order,
/// Shipped/PartiallyShipped when one leaves and Delivered when all arrive. A departure is announced in the same
/// transaction, so Inventory commits its units and Payments captures its share, each once. A carrier exception is
/// logged as a warning for staff. Once per event (inbox).
/// </summary>
internal sealed partial class FollowShipmentHandler(OrdersDbContext db, TimeProvider clock, ILogger<FollowShipmentHandler> logger)
    : InboxHandler<ShipmentStatusChangedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    private const string Actor = "shipping";

    private Dictionary<Guid, Order> _batch = [];

    /// <summary>A batch (a release's labels) reads its orders, their lines, holds and shipments in one go: per event it cost three queries.</summary>
    protected override async ValueTask PrepareAsync(IReadOnlyList<ShipmentStatusChangedIntegrationEvent> events, CancellationToken cancellationToken)
    {
        _batch = [];
        if (events.Count < 2)
        {
            return;
        }

        var ids = events.Select(e => e.OrderId).Distinct().ToList();
        _batch = await Db.Orders.Include(o => o.Lines).Include(o => o.Holds).Include(o => o.Shipments).AsSplitQuery()
            .Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
    }

    protected override async ValueTask HandleOnceAsync(ShipmentStatusChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        var order = _batch.GetValueOrDefault(e.OrderId) ?? await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var shipments = Db.Entry(order).Collection(o => o.Shipments);
        if (!shipments.IsLoaded)
        {
            await shipments.LoadAsync(cancellationToken);
        }

        var capture = order.FollowShipment(
            new ShipmentReport(
                e.ShipmentId, e.FulfillmentId, e.Carrier, e.Service, e.TrackingNumber, e.Status, e.HasLeft, e.At, e.EstimatedDelivery, e.Description,
                [.. e.Lines.Select(l => (l.LineNumber, l.Quantity))]),
            Actor,
            Clock.GetUtcNow());
        if (capture is { } amount)
        {
            Db.AddIntegrationEvent(new OrderShipmentDepartedIntegrationEvent(
                order.Id, order.Number, e.ShipmentId, e.ReservationKey, e.LocationCode, amount, order.Currency, order.CapturedAmount == order.Total));
            LogDeparted(order.Number, e.Carrier, e.TrackingNumber, amount, order.Currency, order.Status);
        }

        if (e.Status == "Exception")
        {
            LogException(order.Number, e.Carrier, e.TrackingNumber, e.Description ?? "no detail");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: {Carrier} {TrackingNumber} left; capturing {Amount} {Currency}; order is {Status}")]
    private partial void LogDeparted(string orderNumber, string carrier, string trackingNumber, decimal amount, string currency, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: carrier exception on {Carrier} {TrackingNumber}: {Description}")]
    private partial void LogException(string orderNumber, string carrier, string trackingNumber, string description);
}
