using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

internal static class ChangeOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/changes", HandleAsync)
            .WithName("ChangeOrder")
            .WithSummary("Changes lines (the complete new set), the shipping address, the customer's date of birth or phone, or the card, before picking: " +
                "stock, compliance and payment change together or not at all. A date of birth clears an age hold it satisfies; a new card clears a Payment hold.")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<OrderDetailsDto>> HandleAsync(
        Guid id,
        ChangeOrderRequest request,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        PlacementProcess placement,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var change = new ChangeOrderCommand(id, request, IdempotencyKeys.Require(idempotencyKey, ChangeOrderCommand.MaxClientKeyLength), Actors.Of(user));
        if (await sender.Send(change, cancellationToken))
        {
            await placement.RunAsync(id, cancellationToken); // the change cleared the last hold: placement's next step is due
        }

        return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), cancellationToken));
    }
}
