using Mediator;
using Microsoft.Extensions.Logging;

namespace OrderHub.Modules.Inventory.Features.AllocateBackorders;

/// <summary>
/// Safety net (Hangfire, every 5 minutes): serves every waiting backorder that stock allows, e.g. after a released
/// reservation or adjustment freed units, or an arrival event that failed. Idempotent: served requests leave Waiting.
/// </summary>
internal sealed class AllocateBackordersJob(ISender sender, ILogger<AllocateBackordersJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var allocated = await sender.Send(new AllocateBackordersCommand(null), cancellationToken);
        if (allocated > 0)
        {
            logger.LogInformation("Backorder safety run served {Allocated} backorder(s)", allocated);
        }

        return allocated;
    }
}
