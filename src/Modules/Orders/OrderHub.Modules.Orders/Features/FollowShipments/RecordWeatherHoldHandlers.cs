using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Orders.Features.FollowShipments;

/// <summary>
/// A shipment's wine waits for the weather: <c>WeatherHold</c> on the timeline with Shipping's reason, once (inbox).
/// The customer's email about it is issue 23's.
/// </summary>
internal sealed class RecordWeatherHoldHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordWeatherHoldHandler> logger)
    : InboxHandler<ShipmentHeldForWeatherIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShipmentHeldForWeatherIntegrationEvent e, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        order.RecordWeatherHold(e.Reason, "system:shipping", Clock.GetUtcNow());
    }
}

/// <summary>The weather lets the held shipment travel: <c>WeatherHoldReleased</c> on the timeline, once (inbox).</summary>
internal sealed class RecordWeatherHoldReleasedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordWeatherHoldReleasedHandler> logger)
    : InboxHandler<ShipmentWeatherHoldReleasedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShipmentWeatherHoldReleasedIntegrationEvent e, CancellationToken cancellationToken)
    {
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        order.RecordWeatherHoldReleased(
            string.Create(CultureInfo.InvariantCulture, $"The weather allows the wine to travel: label being bought, ships {e.ShipDate:yyyy-MM-dd}"), "system:shipping", Clock.GetUtcNow());
    }
}
