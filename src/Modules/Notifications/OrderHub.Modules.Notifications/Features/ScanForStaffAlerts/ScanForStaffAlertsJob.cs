using Mediator;

namespace OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;

/// <summary>The alert scan (Hangfire, every 5 minutes). Safe to repeat: a condition already open raises nothing new.</summary>
internal sealed class ScanForStaffAlertsJob(ISender sender)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) => await sender.Send(new ScanForStaffAlertsCommand(), cancellationToken);
}
