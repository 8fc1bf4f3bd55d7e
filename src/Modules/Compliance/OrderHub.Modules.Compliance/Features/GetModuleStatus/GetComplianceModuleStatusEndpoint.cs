using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Compliance.Contracts.Queries;

namespace OrderHub.Modules.Compliance.Features.GetModuleStatus;

internal static class GetComplianceModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/compliance/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetComplianceModuleStatusQuery(), ct)))
            .WithName("GetComplianceModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Compliance module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
