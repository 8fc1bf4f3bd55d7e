using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Placement;

namespace OrderHub.Modules.Orders.Features.ReleaseHold;

internal static class ReleaseHoldEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/holds/{type}/release", async (Guid id, string type, ReleaseHoldRequest request, ClaimsPrincipal user, ISender sender, PlacementProcess placement, CancellationToken ct) =>
            {
                await sender.Send(new ReleaseHoldCommand(id, type, request.Reason, Actors.Of(user)), ct);
                await placement.RunAsync(id, ct); // the release scheduled placement's next step (when no hold is left): run it now
                return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct));
            })
            .WithName("ReleaseHold")
            .WithSummary("Releases an order's holds of one type with a reason; placement then resumes.")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
