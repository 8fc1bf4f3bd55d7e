using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetModuleStatus;

internal sealed class GetInventoryModuleStatusHandler(InventoryDbContext db) : IQueryHandler<GetInventoryModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetInventoryModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, InventoryModule.ModuleName, InventoryDbContext.SchemaName, cancellationToken);
}
