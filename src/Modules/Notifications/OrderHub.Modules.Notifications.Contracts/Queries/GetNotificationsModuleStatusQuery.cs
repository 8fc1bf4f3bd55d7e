using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Notifications.Contracts.Queries;

/// <summary>Pings the Notifications module through Mediator and its own database.</summary>
public sealed record GetNotificationsModuleStatusQuery : IQuery<ModuleStatusDto>;
