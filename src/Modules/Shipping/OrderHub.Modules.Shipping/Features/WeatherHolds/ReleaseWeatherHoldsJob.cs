using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.WeatherHolds;

/// <summary>
/// Hourly (Hangfire <see cref="JobId"/>): every shipment held for weather is checked again with the forecast of now
/// (the service's conservative transit days, <see cref="DeliveryPlanner.TransitDaysOf"/>: no carrier is asked). One that
/// may travel is released in one transaction with its BuyLabel step and the announcement, so it gets its label within
/// one scheduler tick; one still held gets its reason and proposed date brought up to date, quietly. Safe on two hosts at
/// once: the shipment's version lets one release it.
/// </summary>
internal sealed partial class ReleaseWeatherHoldsJob(ShippingDbContext db, ISender sender, DeliveryPlanner planner, TimeProvider clock, ILogger<ReleaseWeatherHoldsJob> logger)
{
    public const string JobId = "shipping-release-weather-holds";

    /// <returns>How many shipments this run released.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var held = await db.Shipments.Where(s => s.WeatherHeldSince != null && s.Status == ShipmentStatus.LabelPending).Select(s => s.Id).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var id in held)
        {
            db.ChangeTracker.Clear();
            var shipment = await db.Shipments.SingleAsync(s => s.Id == id, cancellationToken);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = shipment.OrderNumber });
            var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken);
            if (origin is null)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var plan = await planner.PlanAsync(shipment, origin.Address, DeliveryPlanner.TransitDaysOf(shipment.RequestedService), now, cancellationToken);
            var release = plan.Hold is null && shipment.ReleaseWeatherHold(now);
            if (plan.Hold is { } hold)
            {
                shipment.HoldForWeather(hold.Reason, hold.ProposedShipDate, now);
            }
            else if (release)
            {
                db.AddInternalCommand(new BuyLabel.BuyLabel(shipment.Id, shipment.LabelGeneration));
                db.AddIntegrationEvent(new ShipmentWeatherHoldReleasedIntegrationEvent(shipment.OrderId, shipment.OrderNumber, shipment.Id, plan.ShipDate));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // another host's run changed it first
            }

            if (release)
            {
                released++;
                LogReleased(shipment.OrderNumber, shipment.Id, plan.ShipDate);
            }
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: weather hold of shipment {ShipmentId} released; label to buy, ships {ShipDate}")]
    private partial void LogReleased(string orderNumber, Guid shipmentId, DateOnly shipDate);
}
