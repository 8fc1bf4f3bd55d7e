using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Payments.Features.GetModuleStatus;

internal static class GetPaymentsModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/payments/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPaymentsModuleStatusQuery(), ct)))
            .WithName("GetPaymentsModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Payments module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
