using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>Answers a module's status query from its own database: reachable, and how much outbox work waits.</summary>
public static class ModuleStatusProbe
{
    public static async ValueTask<ModuleStatusDto> ProbeAsync(ModuleDbContext db, string module, string schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            var pending = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null, cancellationToken);
            return new ModuleStatusDto(module, schema, DatabaseReachable: true, pending);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModuleStatusDto(module, schema, DatabaseReachable: false, PendingOutboxMessages: -1);
        }
    }
}
