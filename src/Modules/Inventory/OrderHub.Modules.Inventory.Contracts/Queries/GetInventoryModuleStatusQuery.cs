using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>Pings the Inventory module through Mediator and its own database.</summary>
public sealed record GetInventoryModuleStatusQuery : IQuery<ModuleStatusDto>;
