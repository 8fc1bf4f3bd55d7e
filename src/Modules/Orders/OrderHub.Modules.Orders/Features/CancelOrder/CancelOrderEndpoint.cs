using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.GetOrderDetails;

namespace OrderHub.Modules.Orders.Features.CancelOrder;

internal static class CancelOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/cancel", async (Guid id, CancelOrderRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new CancelOrderCommand(id, request.Reason, Actors.Of(user)), ct);
                return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct));
            })
            .WithName("CancelOrder")
            .WithSummary("Cancels an order that has not shipped: stock, compliance volume and payment are released. 409 once shipped.")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
