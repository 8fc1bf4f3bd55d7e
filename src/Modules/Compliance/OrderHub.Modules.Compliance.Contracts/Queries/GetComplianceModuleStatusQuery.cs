using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Compliance.Contracts.Queries;

/// <summary>Pings the Compliance module through Mediator and its own database.</summary>
public sealed record GetComplianceModuleStatusQuery : IQuery<ModuleStatusDto>;
