using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Payments.Contracts.Queries;

/// <summary>Pings the Payments module through Mediator and its own database.</summary>
public sealed record GetPaymentsModuleStatusQuery : IQuery<ModuleStatusDto>;
