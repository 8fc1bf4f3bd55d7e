using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>
/// Answers <see cref="GetModuleStatusQuery"/> from the module's own database (the DbContext it registered with
/// <c>AddModuleDbContext</c>): reachable, how much outbox work is due and how much is queued for later.
/// </summary>
internal sealed class GetModuleStatusHandler(IEnumerable<ModuleDatabase> modules, IServiceProvider services, TimeProvider clock)
    : IQueryHandler<GetModuleStatusQuery, ModuleStatusDto>
{
    public async ValueTask<ModuleStatusDto> Handle(GetModuleStatusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var module = modules.Single(m => m.Schema == query.Schema);
        try
        {
            var db = (ModuleDbContext)services.GetRequiredService(module.ContextType);
            // A step queued for a later day is not work waiting: counted apart, so "pending" drains to zero when all due work is done.
            var now = clock.GetUtcNow();
            var pending = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.OccurredAt <= now, cancellationToken);
            var scheduled = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.OccurredAt > now, cancellationToken);
            return new ModuleStatusDto(module.Module, module.Schema, DatabaseReachable: true, pending, scheduled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModuleStatusDto(module.Module, module.Schema, DatabaseReachable: false, PendingOutboxMessages: -1, ScheduledOutboxMessages: -1);
        }
    }
}
