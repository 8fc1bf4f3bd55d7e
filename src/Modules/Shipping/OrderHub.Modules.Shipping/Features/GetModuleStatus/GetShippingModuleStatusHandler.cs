using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.GetModuleStatus;

internal sealed class GetShippingModuleStatusHandler(ShippingDbContext db) : IQueryHandler<GetShippingModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetShippingModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, ShippingModule.ModuleName, ShippingDbContext.SchemaName, cancellationToken);
}
