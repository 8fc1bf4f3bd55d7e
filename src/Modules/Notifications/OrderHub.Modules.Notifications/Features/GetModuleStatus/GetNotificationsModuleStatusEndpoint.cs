using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Contracts.Queries;

namespace OrderHub.Modules.Notifications.Features.GetModuleStatus;

internal static class GetNotificationsModuleStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/modules/notifications/status", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetNotificationsModuleStatusQuery(), ct)))
            .WithName("GetNotificationsModuleStatus")
            .WithTags("System")
            .WithSummary("Pings the Notifications module through Mediator and its database.")
            .Produces<ModuleStatusDto>()
            .RequireAuthorization(ApiScopes.SystemRead);
}
