using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Shipping.Contracts.Queries;

/// <summary>Pings the Shipping module through Mediator and its own database.</summary>
public sealed record GetShippingModuleStatusQuery : IQuery<ModuleStatusDto>;
