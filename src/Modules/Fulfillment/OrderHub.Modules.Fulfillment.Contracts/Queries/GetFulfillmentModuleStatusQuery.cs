using Mediator;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Fulfillment.Contracts.Queries;

/// <summary>Pings the Fulfillment module through Mediator and its own database.</summary>
public sealed record GetFulfillmentModuleStatusQuery : IQuery<ModuleStatusDto>;
