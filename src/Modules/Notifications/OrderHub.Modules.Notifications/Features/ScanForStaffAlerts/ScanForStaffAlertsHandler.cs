using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Shipping.Contracts.Queries;

namespace OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;

/// <summary>
/// Conditions no single event announces, found by asking Orders and Shipping through their Contracts queries. Each
/// alert's dedup key names its subject (and the status, the hold or the estimate), so a scan that finds the same thing
/// again only counts it, and once acknowledged it stays quiet until the condition changes; the unit of work saves them
/// all at once.
/// </summary>
internal sealed partial class ScanForStaffAlertsHandler(
    ISender sender, StaffAlertDesk desk, FailedBackgroundJobs failedJobs, IOptions<StaffAlertsOptions> options, TimeProvider clock, ILogger<ScanForStaffAlertsHandler> logger)
    : ICommandHandler<ScanForStaffAlertsCommand, int>
{
    public async ValueTask<int> Handle(ScanForStaffAlertsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var settings = options.Value;
        var alerts = new List<NewStaffAlert>();

        foreach (var (status, hours) in settings.StuckOrderHours.Where(t => t.Value > 0))
        {
            foreach (var order in await sender.Send(new GetIdleOrdersQuery(status, now.AddHours(-hours)), cancellationToken))
            {
                alerts.Add(new NewStaffAlert(
                    AlertKind.OrderStuck,
                    AlertSeverity.Warning,
                    $"Order {order.OrderNumber} stuck in {order.Status}",
                    $"Nothing has happened to order {order.OrderNumber} since {order.Since:yyyy-MM-dd HH:mm} UTC (over {hours:0.#} h in {order.Status}). "
                        + $"Open it, read its timeline for the step that stopped, and move it on: {NextStep(order.Status)}",
                    $"/orders/{order.OrderId}",
                    order.OrderNumber,
                    $"OrderStuck:{order.OrderId}:{order.Status}")
                { OrderNumber = order.OrderNumber, RaiseAgainOnceAcknowledged = false });
            }
        }

        foreach (var held in await sender.Send(new GetHeldOrdersQuery("Compliance", now.AddMinutes(-settings.ComplianceHoldMinutes)), cancellationToken))
        {
            alerts.Add(new NewStaffAlert(
                AlertKind.ComplianceHold,
                AlertSeverity.Warning,
                $"Order {held.OrderNumber} waits on a Compliance hold",
                $"Held since {held.PlacedAt:yyyy-MM-dd HH:mm} UTC: {held.Reason.TrimEnd('.')}{(held.Rule is { } rule ? $" ({rule})" : string.Empty)}. "
                    + "Check the shipping-law rule and the customer's details, then release the hold with a reason or cancel the order.",
                $"/orders/{held.OrderId}",
                held.OrderNumber,
                $"ComplianceHold:{held.OrderId}:{held.PlacedAt.UtcTicks}")
            { OrderNumber = held.OrderNumber, RaiseAgainOnceAcknowledged = false });
        }

        foreach (var late in await sender.Send(new GetLateShipmentsQuery(today), cancellationToken))
        {
            alerts.Add(new NewStaffAlert(
                AlertKind.ShipmentLate,
                AlertSeverity.Warning,
                $"Shipment of order {late.OrderNumber} is late ({late.Status}, due {late.EstimatedDelivery:yyyy-MM-dd})",
                late.Status == "LabelCreated"
                    ? $"The label was bought but {late.Carrier} never scanned the parcel at {late.LocationCode}: check it left the dock (the manifest and pickup), then tell the customer the new date."
                    : $"Ask {late.Carrier} for a new delivery date on tracking number {late.TrackingNumber}, and tell the customer of order {late.OrderNumber}.",
                $"/shipping/shipments/{late.ShipmentId}",
                $"{late.OrderNumber} / {late.TrackingNumber ?? late.ShipmentId.ToString()}",
                $"ShipmentLate:{late.ShipmentId}:{late.EstimatedDelivery:yyyy-MM-dd}")
            { OrderNumber = late.OrderNumber, RaiseAgainOnceAcknowledged = false });
        }

        foreach (var label in await sender.Send(new GetStalledLabelsQuery(now.AddMinutes(-settings.LabelPendingMinutes), today), cancellationToken))
        {
            alerts.Add(new NewStaffAlert(
                AlertKind.LabelFailing,
                AlertSeverity.Critical,
                $"No label for order {label.OrderNumber}: the purchase keeps failing",
                $"The {label.RequestedService} label for the shipment from {label.LocationCode} is still not bought since {label.PendingSince:yyyy-MM-dd HH:mm} UTC "
                    + "(the carriers refuse or time out; the purchase is retried). Read the failure in the Jobs dashboard and the logs, check the address and packages, "
                    + "or ask a carrier to take it; the parcel misses today's pickup until then.",
                $"/shipping/shipments/{label.ShipmentId}",
                label.OrderNumber,
                $"LabelFailing:{label.ShipmentId}")
            { OrderNumber = label.OrderNumber, RaiseAgainOnceAcknowledged = false });
        }

        foreach (var job in failedJobs.Recent(20))
        {
            alerts.Add(new NewStaffAlert(
                AlertKind.JobFailing,
                AlertSeverity.Critical,
                $"Background job {job.Name} failed",
                $"It failed for good at {job.FailedAt:yyyy-MM-dd HH:mm} UTC after its retries: {job.Error}. "
                    + "Fix the cause (a setting, the mail server, a carrier's account), then requeue the job from the Jobs dashboard (Admins).",
                "/hangfire/jobs/failed",
                job.Name,
                $"JobFailing:{job.Id}")
            { RaiseAgainOnceAcknowledged = false });
        }

        var raised = 0;
        foreach (var alert in alerts)
        {
            if (await desk.RaiseAsync(alert, null, cancellationToken) is not null)
            {
                raised++;
            }
        }

        LogScanned(alerts.Count, raised);
        return raised;
    }

    private static string NextStep(string status) => status switch
    {
        "Received" => "its placement did not finish (stock, compliance or payment): release what holds it or cancel it.",
        "ReadyToFulfill" => "it was never sourced or picked: check its fulfillments and the picking board.",
        "Picking" => "its pick list was never confirmed: confirm the pick or re-make the wave.",
        "Packed" => "no label or no carrier scan: check its shipment and the day's manifest.",
        _ => "act on it from the order page.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff alert scan: {Found} condition(s) found, {Raised} new alert(s)")]
    private partial void LogScanned(int found, int raised);
}
