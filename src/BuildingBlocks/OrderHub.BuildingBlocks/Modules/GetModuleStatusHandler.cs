using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>
/// Answers <see cref="GetModuleStatusQuery"/> from the module's own database (the DbContext it registered with
/// <c>AddModuleDbContext</c>): reachable, and how much outbox work waits.
/// </summary>
internal sealed class GetModuleStatusHandler(IEnumerable<ModuleDatabase> modules, IServiceProvider services)
    : IQueryHandler<GetModuleStatusQuery, ModuleStatusDto>
{
    public async ValueTask<ModuleStatusDto> Handle(GetModuleStatusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var module = modules.Single(m => m.Schema == query.Schema);
        try
        {
            var db = (ModuleDbContext)services.GetRequiredService(module.ContextType);
            var pending = await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null, cancellationToken);
            return new ModuleStatusDto(module.Module, module.Schema, DatabaseReachable: true, pending);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModuleStatusDto(module.Module, module.Schema, DatabaseReachable: false, PendingOutboxMessages: -1);
        }
    }
}
