using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Inventory.Features.GetModuleStatus;

internal static class GetInventoryModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/modules/inventory/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInventoryModuleStatusQuery(), ct)))
            .WithName("GetInventoryModuleStatus")
            .WithSummary("Pings the Inventory module through Mediator and its database.")
            .Produces<ModuleStatusDto>();
}
