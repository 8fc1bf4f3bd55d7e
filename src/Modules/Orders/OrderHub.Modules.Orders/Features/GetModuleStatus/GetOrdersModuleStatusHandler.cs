using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Orders.Contracts.Queries;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.GetModuleStatus;

internal sealed class GetOrdersModuleStatusHandler(OrdersDbContext db) : IQueryHandler<GetOrdersModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetOrdersModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, OrdersModule.ModuleName, OrdersDbContext.SchemaName, cancellationToken);
}
