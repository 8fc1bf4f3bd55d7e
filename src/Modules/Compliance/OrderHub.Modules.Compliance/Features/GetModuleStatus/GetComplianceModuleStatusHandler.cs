using Mediator;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Compliance.Contracts.Queries;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.GetModuleStatus;

internal sealed class GetComplianceModuleStatusHandler(ComplianceDbContext db) : IQueryHandler<GetComplianceModuleStatusQuery, ModuleStatusDto>
{
    public ValueTask<ModuleStatusDto> Handle(GetComplianceModuleStatusQuery query, CancellationToken cancellationToken) =>
        ModuleStatusProbe.ProbeAsync(db, ComplianceModule.ModuleName, ComplianceDbContext.SchemaName, cancellationToken);
}
