using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

internal static class ReceiveTrackingEventEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>No API key: carriers sign the raw body instead (API.md); the signature is checked before anything is read.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/shipping/tracking-events", async Task<Results<Accepted<TrackingEventReceipt>, UnauthorizedHttpResult, ProblemHttpResult>> (
                HttpRequest request, IOptions<ShippingOptions> options, ISender sender, CancellationToken ct) =>
            {
                if (await TrackingSignature.ReadSignedBodyAsync(request, options.Value.TrackingWebhookSecret!, ct) is not { } body)
                {
                    return TypedResults.Unauthorized();
                }

                ReceiveTrackingEventCommand? command;
                try
                {
                    command = JsonSerializer.Deserialize<ReceiveTrackingEventCommand>(body, Json);
                }
                catch (JsonException e)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a tracking event", detail: e.Message);
                }

                if (command is null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a tracking event", detail: "Send a JSON object.");
                }

                return TypedResults.Accepted((string?)null, await sender.Send(command, ct));
            })
            .AllowAnonymous()
            .WithName("ReceiveTrackingEvent")
            .WithSummary("A carrier's tracking scan (webhook). The raw body is signed: X-OrderHub-Signature: sha256=<hex HMAC-SHA256 under OrderHub:Shipping:TrackingWebhookSecret>; a missing or wrong signature is 401. A repeated scan changes nothing and an older one never moves a shipment back.")
            .Accepts<ReceiveTrackingEventCommand>("application/json")
            .Produces<TrackingEventReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
