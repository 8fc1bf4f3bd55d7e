using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.GetOrderDetails;

namespace OrderHub.Modules.Orders.Features.PlaceHold;

internal static class PlaceHoldEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/holds", async (Guid id, PlaceHoldRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new PlaceHoldCommand(id, request.Type, request.Reason, Actors.Of(user)), ct);
                return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct));
            })
            .WithName("PlaceHold")
            .WithSummary("Puts an order on a Manual or Fraud hold with a reason (before picking).")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
