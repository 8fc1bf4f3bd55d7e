using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using OrderHub.Modules.Orders.Features.GetOrderDetails;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

internal static class PlaceOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/orders", HandleAsync)
            .WithName("PlaceOrder")
            .WithTags("Orders")
            .WithSummary("Places an order from any channel. Requires an Idempotency-Key header.")
            .Produces<OrderDetailsDto>(StatusCodes.Status201Created)
            .Produces<OrderDetailsDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.OrdersWrite);

    private static async Task<Results<Created<OrderDetailsDto>, Ok<OrderDetailsDto>, ProblemHttpResult>> HandleAsync(
        PlaceOrderCommand command,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        ISender sender,
        OrderIntake intake,
        CancellationToken cancellationToken)
    {
        var request = command with
        {
            IdempotencyKey = IdempotencyKeys.Require(idempotencyKey),
            RequestHash = IdempotencyKeys.Fingerprint(command),
            Actor = Actors.Of(user),
        };

        var (result, placement) = await intake.PlaceAsync(request, cancellationToken);
        if (placement is not null)
        {
            if (placement.Outcome == PlacementOutcome.Refused)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The order cannot be accepted.",
                    detail: placement.Reason,
                    instance: $"/api/v1/orders/{result.OrderId}",
                    extensions: new Dictionary<string, object?> { ["rule"] = placement.Rule, ["orderId"] = result.OrderId, ["orderNumber"] = result.OrderNumber });
            }

            var placed = placement.CompleteOrder is { } complete
                ? GetOrderDetailsHandler.Map(complete, await GetOrderDetailsHandler.PaymentsOfAsync(sender, complete.Id, cancellationToken))
                : await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken);
            return TypedResults.Created($"/api/v1/orders/{result.OrderId}", placed);
        }

        return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken));
    }
}
