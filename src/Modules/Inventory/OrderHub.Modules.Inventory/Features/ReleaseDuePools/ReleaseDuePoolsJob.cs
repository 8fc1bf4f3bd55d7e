using Mediator;

namespace OrderHub.Modules.Inventory.Features.ReleaseDuePools;

/// <summary>
/// Recurring (Hangfire, every 5 minutes, see <see cref="InventoryModule.ScheduleJobs"/>): returns the unused stock of pools
/// whose release date has come to general stock. Idempotent and safe on several hosts (the release is a guarded status change).
/// </summary>
internal sealed class ReleaseDuePoolsJob(ISender sender)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new ReleaseDuePoolsCommand(), cancellationToken);
}
