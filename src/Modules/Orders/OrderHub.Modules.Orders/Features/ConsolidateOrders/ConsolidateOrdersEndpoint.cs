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

namespace OrderHub.Modules.Orders.Features.ConsolidateOrders;

internal static class ConsolidateOrdersEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/consolidate", HandleAsync)
            .WithName("ConsolidateOrders")
            .WithSummary("Merges open orders of the same customer and address into this one before picking; the originals are closed as Merged and stay traceable.")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<OrderDetailsDto>> HandleAsync(
        Guid id,
        ConsolidateOrdersRequest request,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        ISender sender,
        CancellationToken cancellationToken)
    {
        await sender.Send(
            new ConsolidateOrdersCommand(id, request, IdempotencyKeys.Require(idempotencyKey, ChangeOrder.ChangeOrderCommand.MaxClientKeyLength), Actors.Of(user)),
            cancellationToken);
        return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), cancellationToken));
    }
}
