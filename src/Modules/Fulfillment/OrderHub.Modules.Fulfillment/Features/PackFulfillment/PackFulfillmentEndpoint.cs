using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

namespace OrderHub.Modules.Fulfillment.Features.PackFulfillment;

internal static class PackFulfillmentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/fulfillments/{id:guid}/pack", async (
                Guid id, PackFulfillmentCommand command, [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { FulfillmentId = id, IdempotencyKey = IdempotencyKeys.Require(idempotencyKey), Actor = Actors.Of(user) }, ct)))
            .WithName("PackFulfillment")
            .WithSummary("Packs a picked fulfillment: the packages given, or without them the cheapest boxes (wine shippers of 1, 2, 3, 6, 12; general boxes). Requires an Idempotency-Key. Labels are bought in the background.")
            .Produces<FulfillmentDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
