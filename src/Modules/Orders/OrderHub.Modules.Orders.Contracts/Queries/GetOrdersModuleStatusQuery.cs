using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Orders.Contracts.Queries;

/// <summary>Pings the Orders module through Mediator and its own database.</summary>
public sealed record GetOrdersModuleStatusQuery : IQuery<ModuleStatusDto>;
