using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal static class ListEmailsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/emails", async (string? orderNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEmailsQuery(orderNumber), ct)))
            .WithName("ListEmails")
            .WithSummary("The latest customer emails, optionally for one order number.")
            .Produces<IReadOnlyList<EmailDto>>();
}
