using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Features.QueueLowStockAlert;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.RaiseStaffAlert;

/// <summary>
/// Where every source raises its alerts: a new condition becomes an open alert and, when its kind has a role's mailbox,
/// one queued email in the same save (so exactly once per alert); a condition already open is only counted again.
/// The caller saves (an inbox handler's transaction, or the scan job).
/// </summary>
internal sealed partial class StaffAlertDesk(
    NotificationsDbContext db, IOptions<StaffAlertsOptions> options, IOptions<StaffAlertOptions> staff, TimeProvider clock, ILogger<StaffAlertDesk> logger)
{
    /// <summary>The alert raised, or null when the condition was already open (and is now counted again).</summary>
    public async Task<StaffAlert?> RaiseAsync(NewStaffAlert alert, Guid? causationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var now = clock.GetUtcNow();
        var open = db.StaffAlerts.Local.FirstOrDefault(a => a.OpenKey == alert.DedupKey)
            ?? await db.StaffAlerts.SingleOrDefaultAsync(a => a.OpenKey == alert.DedupKey, cancellationToken);
        if (open is not null)
        {
            open.Recur(alert, now);
            LogSeenAgain(alert.Kind, alert.Subject, open.Occurrences);
            return null;
        }

        if (!alert.RaiseAgainOnceAcknowledged && await db.StaffAlerts.AnyAsync(a => a.DedupKey == alert.DedupKey, cancellationToken))
        {
            return null; // acknowledged: staff are on it
        }

        var raised = StaffAlert.Raise(alert, causationId, now);
        db.StaffAlerts.Add(raised);
        if (options.Value.EmailFor(alert.Kind, staff.Value.StaffEmail) is { } to)
        {
            db.EmailMessages.Add(EmailMessage.Queue(to, alert.Title, Body(raised), alert.OrderNumber, causationId ?? raised.Id, now));
        }

        LogRaised(alert.Kind, alert.Severity, alert.Subject, raised.Id);
        return raised;
    }

    private string Body(StaffAlert alert)
    {
        var nl = Environment.NewLine;
        var link = options.Value.BackOfficeUrl is { Length: > 0 } site ? $"{site.TrimEnd('/')}{alert.Link}" : alert.Link;
        return $"{alert.Title}{nl}{nl}What to do: {alert.WhatToDo}{nl}{nl}Open: {link}{nl}{nl}Acknowledge it on the alerts page ({AlertsLink}) once handled.";
    }

    private string AlertsLink => options.Value.BackOfficeUrl is { Length: > 0 } site ? $"{site.TrimEnd('/')}/notifications/alerts" : "/notifications/alerts";

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Kind} staff alert ({Severity}) for {Subject}: {AlertId}")]
    private partial void LogRaised(AlertKind kind, AlertSeverity severity, string subject, Guid alertId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} staff alert for {Subject} still open, seen {Occurrences} times")]
    private partial void LogSeenAgain(AlertKind kind, string subject, int occurrences);
}
