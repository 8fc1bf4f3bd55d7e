using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.AcknowledgeStaffAlert;

/// <summary>Unknown alert: 404; already acknowledged (or acknowledged by someone else at the same moment): 409.</summary>
internal sealed partial class AcknowledgeStaffAlertHandler(NotificationsDbContext db, TimeProvider clock, ILogger<AcknowledgeStaffAlertHandler> logger)
    : ICommandHandler<AcknowledgeStaffAlertCommand, StaffAlertDto>
{
    public async ValueTask<StaffAlertDto> Handle(AcknowledgeStaffAlertCommand command, CancellationToken cancellationToken)
    {
        var alert = await db.StaffAlerts.SingleOrDefaultAsync(a => a.Id == command.AlertId, cancellationToken)
            ?? throw new NotFoundException("Alert", command.AlertId.ToString());
        alert.Acknowledge(command.Actor, command.Note, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"The alert \"{alert.Title}\" changed while you acknowledged it (someone else acknowledged it): reload the alerts.");
        }

        LogAcknowledged(command.Actor, alert.Kind.ToString(), alert.Subject, alert.Id, alert.AcknowledgementNote);
        return ListStaffAlertsHandler.Dto(alert);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Actor} acknowledged the {Kind} alert for {Subject} ({AlertId}): {Note}")]
    private partial void LogAcknowledged(string actor, string kind, string subject, Guid alertId, string? note);
}
