using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>
/// A shipment's scans become the customer's emails, one per (order, shipment, type): shipped when the goods leave (with the
/// tracking link and the estimated delivery, which becomes the promised date), out for delivery, delivered, missed
/// delivery on a carrier exception, and delayed once when the carrier's estimate passes the promised date by more than
/// one business day. A first scan that is already past "in transit" still sends the shipped email first.
/// </summary>
internal sealed class QueueShipmentEmailsHandler(NotificationsDbContext db, CustomerEmailQueue emails, TimeProvider clock, ILogger<QueueShipmentEmailsHandler> logger)
    : InboxHandler<ShipmentStatusChangedIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override bool Concerns(ShipmentStatusChangedIntegrationEvent e) => e.HasLeft;

    protected override async ValueTask HandleOnceAsync(ShipmentStatusChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var promised = await Db.PromisedDeliveries.SingleOrDefaultAsync(p => p.ShipmentId == e.ShipmentId, cancellationToken);
        if (promised is null && e.EstimatedDelivery is { } estimate)
        {
            promised = PromisedDelivery.Of(e.ShipmentId, e.OrderNumber, estimate);
            Db.PromisedDeliveries.Add(promised);
        }

        await QueueAsync(CustomerEmailType.Shipped, e, cancellationToken);
        var type = e.Status switch
        {
            "OutForDelivery" => CustomerEmailType.OutForDelivery,
            "Delivered" => CustomerEmailType.Delivered,
            "Exception" => CustomerEmailType.MissedDelivery,
            _ => (CustomerEmailType?)null,
        };
        if (type is { } scanned)
        {
            await QueueAsync(scanned, e, cancellationToken);
        }

        if (e.Status != "Delivered" && promised is not null && e.EstimatedDelivery is { } now && IsLate(promised.Date, now))
        {
            await QueueAsync(CustomerEmailType.Delayed, e, cancellationToken, EmailModels.Delay(promised.Date, now));
        }
    }

    /// <summary>Later than the promised date by more than one business day (Saturdays and Sundays do not count).</summary>
    public static bool IsLate(DateOnly promised, DateOnly estimated)
    {
        var businessDays = 0;
        for (var day = promised.AddDays(1); day <= estimated; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                businessDays++;
            }
        }

        return businessDays > 1;
    }

    private Task<bool> QueueAsync(CustomerEmailType type, ShipmentStatusChangedIntegrationEvent e, CancellationToken cancellationToken, JsonObject? delay = null)
    {
        var model = EmailModels.Shipment(
            e.Carrier, e.ServiceName ?? $"{e.Carrier} {e.Service}", e.TrackingNumber, e.TrackingUrl, e.EstimatedDelivery, e.Description, e.AdultSignatureRequired);
        if (delay is not null)
        {
            model["delay"] = delay;
        }

        return emails.QueueAsync(type, e.OrderId, e.ShipmentId, model, e.Id, cancellationToken);
    }
}

/// <summary>Wine waits for the weather: the customer learns why and the new ship date (issue 22: weather holds tell the customer).</summary>
internal sealed class QueueWeatherHoldEmailHandler(NotificationsDbContext db, CustomerEmailQueue emails, TimeProvider clock, ILogger<QueueWeatherHoldEmailHandler> logger)
    : InboxHandler<ShipmentHeldForWeatherIntegrationEvent, NotificationsDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShipmentHeldForWeatherIntegrationEvent e, CancellationToken cancellationToken) =>
        await emails.QueueAsync(CustomerEmailType.WeatherHold, e.OrderId, e.ShipmentId, EmailModels.WeatherHold(e.Reason, e.NewShipDate), e.Id, cancellationToken);
}
