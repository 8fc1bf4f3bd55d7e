using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary><c>GET /api/v1/modules/{schema}/status</c> for a module, mapped by the host for each one it composes.</summary>
public static class ModuleStatusEndpoint
{
    public static RouteHandlerBuilder MapModuleStatus(this IEndpointRouteBuilder endpoints, IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var query = GetModuleStatusQuery.For(module);
        return endpoints.MapGet($"/api/v1/modules/{module.Schema}/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithName($"Get{module.Name}ModuleStatus")
            .WithTags("System")
            .WithSummary($"Pings the {module.Name} module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
    }
}
