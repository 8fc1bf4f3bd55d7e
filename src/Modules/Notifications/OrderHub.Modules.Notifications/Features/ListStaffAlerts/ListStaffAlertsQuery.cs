using FluentValidation;
using Mediator;
using OrderHub.Modules.Notifications.Domain.Alerts;

namespace OrderHub.Modules.Notifications.Features.ListStaffAlerts;

/// <summary>Staff alerts, newest first: <see cref="Status"/> "open" (the default) or "acknowledged" (the history); optionally one <see cref="Kind"/>.</summary>
internal sealed record ListStaffAlertsQuery(string? Status = null, string? Kind = null, int Max = 200) : IQuery<IReadOnlyList<StaffAlertDto>>;

/// <summary>An alert as the API and the back-office show it.</summary>
internal sealed record StaffAlertDto(
    Guid Id,
    string Kind,
    string Severity,
    string Title,
    string WhatToDo,
    string Link,
    string Subject,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastSeenAt,
    int Occurrences,
    string Status,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNote);

internal sealed class ListStaffAlertsValidator : AbstractValidator<ListStaffAlertsQuery>
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "acknowledged"];

    public ListStaffAlertsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s.Trim().ToLowerInvariant()))
            .WithMessage("status must be open or acknowledged.");
        RuleFor(q => q.Kind).Must(k => k is null || Enum.GetNames<AlertKind>().Contains(k.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage($"kind must be one of {string.Join(", ", Enum.GetNames<AlertKind>())}.");
    }
}
