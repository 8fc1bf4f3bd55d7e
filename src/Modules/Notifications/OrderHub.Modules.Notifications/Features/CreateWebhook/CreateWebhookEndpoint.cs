using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Webhooks;

namespace OrderHub.Modules.Notifications.Features.CreateWebhook;

internal static class CreateWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("", async (CreateWebhookRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateWebhookCommand(request?.Url, request?.Events, request?.Description, Actors.Of(user)), ct);
                return TypedResults.Created($"/api/v1/webhooks/{created.Id}", created);
            })
            .WithName("CreateWebhook")
            .WithSummary("Subscribes an https endpoint to event types; the answer carries the signing secret (whsec_...), shown only this once.")
            .WithDescription(
                $"Events: {string.Join(", ", WebhookEventTypes.All)}. Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, " +
                "webhook-signature: v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\"> keyed by the bytes after whsec_). 400 when the URL is not " +
                "absolute https or points at a private or loopback address (unless OrderHub:Webhooks:AllowPrivateTargets), or an event type is unknown.")
            .Accepts<CreateWebhookRequest>("application/json")
            .Produces<CreatedWebhookDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
