using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Manifests;
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

    /// <summary>Who the hourly run acts as on the audit trail.</summary>
    public const string JobActor = "system:weather-job";

    /// <summary>The audit action of a released hold (the job's or a staff check's): the holds page lists the recent ones.</summary>
    public const string ReleasedAction = "ReleaseWeatherHold";

    /// <summary>The audit action of a staff check that left the shipment held.</summary>
    public const string CheckedAction = "CheckWeatherHold";

    /// <returns>How many shipments this run released.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var held = await db.Shipments.Where(s => s.WeatherHeldSince != null && s.Status == ShipmentStatus.LabelPending).Select(s => s.Id).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var id in held)
        {
            if (await CheckAsync(id, JobActor, cancellationToken) == WeatherCheckOutcome.Released)
            {
                released++;
            }
        }

        return released;
    }

    /// <summary>
    /// Checks one held shipment against the forecast of now, as a run does: released (audited, with its BuyLabel step and
    /// the announcement) when the weather allows it, else its reason and proposed date brought up to date. A staff check
    /// (any <paramref name="actor"/> but <see cref="JobActor"/>) is audited either way.
    /// </summary>
    public async Task<WeatherCheckOutcome> CheckAsync(Guid shipmentId, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var shipment = await db.Shipments.SingleOrDefaultAsync(s => s.Id == shipmentId, cancellationToken);
        if (shipment is null || !shipment.IsHeldForWeather || shipment.Status != ShipmentStatus.LabelPending)
        {
            return WeatherCheckOutcome.NotHeld;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = shipment.OrderNumber });
        var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken);
        if (origin is null)
        {
            return WeatherCheckOutcome.Skipped;
        }

        var now = clock.GetUtcNow();
        var plan = await planner.PlanAsync(shipment, origin.Address, DeliveryPlanner.TransitDaysOf(shipment.RequestedService), now, cancellationToken);
        var release = plan.Hold is null && shipment.ReleaseWeatherHold(now);
        if (plan.Hold is { } hold)
        {
            shipment.HoldForWeather(hold.Reason, hold.ProposedShipDate, now);
            if (actor != JobActor)
            {
                db.AuditEntries.Add(new ShippingAuditEntry(now, actor, CheckedAction, shipment.Id, $"Order {shipment.OrderNumber}: still held. {hold.Reason}"));
            }
        }
        else if (release)
        {
            db.AddInternalCommand(new BuyLabel.BuyLabel(shipment.Id, shipment.LabelGeneration));
            db.AddIntegrationEvent(new ShipmentWeatherHoldReleasedIntegrationEvent(shipment.OrderId, shipment.OrderNumber, shipment.Id, plan.ShipDate));
            db.AuditEntries.Add(new ShippingAuditEntry(now, actor, ReleasedAction, shipment.Id, $"Order {shipment.OrderNumber}: the weather allows it; ships {plan.ShipDate:yyyy-MM-dd}"));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WeatherCheckOutcome.Skipped; // another host's run changed it first
        }

        if (!release)
        {
            return WeatherCheckOutcome.StillHeld;
        }

        LogReleased(shipment.OrderNumber, shipment.Id, plan.ShipDate);
        return WeatherCheckOutcome.Released;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: weather hold of shipment {ShipmentId} released; label to buy, ships {ShipDate}")]
    private partial void LogReleased(string orderNumber, Guid shipmentId, DateOnly shipDate);
}

/// <summary>What checking one shipment's weather hold did.</summary>
internal enum WeatherCheckOutcome
{
    /// <summary>It is not held (never was, released already, or its label is bought).</summary>
    NotHeld,

    /// <summary>The weather still does not allow it: its reason and proposed date are brought up to date.</summary>
    StillHeld,

    /// <summary>The hold ended: the label is bought next.</summary>
    Released,

    /// <summary>Not decided now: its location is unknown, or another run changed it first.</summary>
    Skipped,
}
