using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;

namespace OrderHub.Modules.Notifications.Features.AcknowledgeStaffAlert;

/// <summary>A staff member says an alert is handled (who and when recorded, with an optional note); it moves to the history.</summary>
internal sealed record AcknowledgeStaffAlertCommand(Guid AlertId, string? Note, string Actor = "") : ICommand<StaffAlertDto>;

internal sealed record AcknowledgeStaffAlertRequest(string? Note);

internal sealed class AcknowledgeStaffAlertValidator : AbstractValidator<AcknowledgeStaffAlertCommand>
{
    public AcknowledgeStaffAlertValidator() =>
        RuleFor(c => c.Note).MaximumLength(StaffAlert.NoteMaxLength).SingleLineText().When(c => c.Note is not null);
}
