using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Contracts.Queries;

namespace OrderHub.Modules.Shipping.Features.GetModuleStatus;

internal static class GetShippingModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/shipping/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetShippingModuleStatusQuery(), ct)))
            .WithName("GetShippingModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Shipping module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
