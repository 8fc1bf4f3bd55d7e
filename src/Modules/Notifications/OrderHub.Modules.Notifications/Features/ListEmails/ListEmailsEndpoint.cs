using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal static class ListEmailsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/notifications/emails", async (string? orderNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEmailsQuery(orderNumber), ct)))
            .WithName("ListEmails")
            .WithTags("Notifications")
            .WithSummary("The latest customer emails, optionally for one order number.")
            .Produces<IReadOnlyList<EmailDto>>()
            .RequireAuthorization(ApiScopes.NotificationsRead);
}
