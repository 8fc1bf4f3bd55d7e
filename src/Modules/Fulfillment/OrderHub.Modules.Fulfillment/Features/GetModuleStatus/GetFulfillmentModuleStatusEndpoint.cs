using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.GetModuleStatus;

internal static class GetFulfillmentModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/fulfillment/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFulfillmentModuleStatusQuery(), ct)))
            .WithName("GetFulfillmentModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Fulfillment module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
