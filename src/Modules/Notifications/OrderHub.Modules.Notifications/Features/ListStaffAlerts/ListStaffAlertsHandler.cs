using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.ListStaffAlerts;

internal sealed class ListStaffAlertsHandler(NotificationsDbContext db) : IQueryHandler<ListStaffAlertsQuery, IReadOnlyList<StaffAlertDto>>
{
    public async ValueTask<IReadOnlyList<StaffAlertDto>> Handle(ListStaffAlertsQuery query, CancellationToken cancellationToken)
    {
        var alerts = db.StaffAlerts.AsNoTracking();
        alerts = query.Status?.Trim().ToLowerInvariant() == "acknowledged"
            ? alerts.Where(a => a.AcknowledgedAt != null).OrderByDescending(a => a.AcknowledgedAt)
            : alerts.Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.Severity == AlertSeverity.Critical).ThenByDescending(a => a.Severity == AlertSeverity.Warning).ThenByDescending(a => a.LastSeenAt);
        if (!string.IsNullOrWhiteSpace(query.Kind) && Enum.TryParse<AlertKind>(query.Kind.Trim(), ignoreCase: true, out var kind))
        {
            alerts = alerts.Where(a => a.Kind == kind);
        }

        var rows = await alerts.Take(Math.Clamp(query.Max, 1, 500)).ToListAsync(cancellationToken);
        return [.. rows.Select(Dto)];
    }

    internal static StaffAlertDto Dto(StaffAlert a) => new(
        a.Id, a.Kind.ToString(), a.Severity.ToString(), a.Title, a.WhatToDo, a.Link, a.Subject, a.RaisedAt, a.LastSeenAt, a.Occurrences,
        a.IsOpen ? "open" : "acknowledged", a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgementNote);
}
