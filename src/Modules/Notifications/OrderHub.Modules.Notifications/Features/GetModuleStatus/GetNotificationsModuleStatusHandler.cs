using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Notifications.Contracts.Queries;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.GetModuleStatus;

internal sealed class GetNotificationsModuleStatusHandler(NotificationsDbContext db) : IQueryHandler<GetNotificationsModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetNotificationsModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, NotificationsModule.ModuleName, NotificationsDbContext.SchemaName, cancellationToken);
}
