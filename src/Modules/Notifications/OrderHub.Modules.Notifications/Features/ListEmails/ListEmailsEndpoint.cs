using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal static class ListEmailsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/emails", async (string? orderNumber, string? status, string? kind, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEmailsQuery(orderNumber, status, kind), ct)))
            .WithName("ListEmails")
            .WithSummary("The latest 100 emails (newest first), optionally for one order number, of one status (Queued, Sending, Sent, Failed) or kind (e.g. Shipped).")
            .WithDescription("Each says how many attempts were made and the mail server's last answer (`lastError`) when sending failed.")
            .Produces<IReadOnlyList<EmailDto>>()
            .ProducesValidationProblem();
}
