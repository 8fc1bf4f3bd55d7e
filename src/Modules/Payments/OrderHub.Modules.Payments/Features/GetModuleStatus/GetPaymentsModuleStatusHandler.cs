using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments.Features.GetModuleStatus;

internal sealed class GetPaymentsModuleStatusHandler(PaymentsDbContext db) : IQueryHandler<GetPaymentsModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetPaymentsModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, PaymentsModule.ModuleName, PaymentsDbContext.SchemaName, cancellationToken);
}
