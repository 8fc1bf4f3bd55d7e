using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetModuleStatus;

internal sealed class GetFulfillmentModuleStatusHandler(FulfillmentDbContext db) : IQueryHandler<GetFulfillmentModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetFulfillmentModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, FulfillmentModule.ModuleName, FulfillmentDbContext.SchemaName, cancellationToken);
}
