using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Contracts.Queries;

namespace OrderHub.Modules.Orders.Features.GetModuleStatus;

internal static class GetOrdersModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/orders/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrdersModuleStatusQuery(), ct)))
            .WithName("GetOrdersModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Orders module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
