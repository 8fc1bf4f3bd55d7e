using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.ConfirmPicks;

internal static class ConfirmPicksEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/pick-lists/{id:guid}/confirm", async (Guid id, ConfirmPicksCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PickListId = id, Actor = Actors.Of(user) }, ct)))
            .WithName("ConfirmPicks")
            .WithSummary("Confirms what was picked (items left out count as picked in full). Short picks are written off the bin and on the order's timeline; more than listed, or a lot not in the bin, is 422 with nothing changed.")
            .Produces<PickListDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
