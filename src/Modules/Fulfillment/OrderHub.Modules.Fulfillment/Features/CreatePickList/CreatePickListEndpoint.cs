using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.CreatePickList;

internal static class CreatePickListEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/pick-lists", async (
                CreatePickListCommand command, [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var list = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Require(idempotencyKey), Actor = Actors.Of(user) }, ct);
                return TypedResults.Created($"/api/v1/pick-lists/{list.Id}", list);
            })
            .WithName("CreatePickList")
            .WithSummary("Makes one pick wave of a location's open fulfillments (oldest orders first), items in walking order. Requires an Idempotency-Key. 422 when there is nothing to pick.")
            .Produces<PickListDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
