using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Notifications.Features.ListWebhooks;

internal static class ListWebhooksEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListWebhooksQuery(), ct)))
            .WithName("ListWebhooks")
            .WithSummary("The webhook subscriptions (url, events, enabled, last delivery), without their secrets.")
            .Produces<IReadOnlyList<WebhookDto>>();
}
