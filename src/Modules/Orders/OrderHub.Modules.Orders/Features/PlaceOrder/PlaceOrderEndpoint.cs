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

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

internal static class PlaceOrderEndpoint
{
    private const string RespondAsync = "respond-async";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders", HandleAsync)
            .WithName("PlaceOrder")
            .WithSummary("Places an order from any channel. Requires an Idempotency-Key header.")
            .WithDescription(
                "Answers once placement has run (ReadyToFulfill, OnHold, Backordered, or 422 when refused). With `Prefer: respond-async` " +
                "it answers as soon as the order is stored and its stock reserved (status `Received`, header " +
                "`Preference-Applied: respond-async`); the compliance decision and the payment authorization follow in the background " +
                "and show on `GET /api/v1/orders/{id}` within seconds. A stock shortage is still answered at once (OnHold or Backordered).")
            .Produces<OrderDetailsDto>(StatusCodes.Status201Created)
            .Produces<OrderDetailsDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<OrderDetailsDto>, Ok<OrderDetailsDto>, ProblemHttpResult>> HandleAsync(
        PlaceOrderRequest body,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        [FromHeader(Name = "Prefer")] string? prefer,
        ClaimsPrincipal user,
        HttpResponse response,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var respondAsync = PrefersRespondAsync(prefer);
        var order = new ReceiveOrderCommand(body, IdempotencyKeys.Require(idempotencyKey), Actors.Of(user));
        var placed = await sender.Send(new PlaceOrderCommand(order, respondAsync ? PlacementExtent.StockOnly : PlacementExtent.Whole), cancellationToken);
        if (placed.Placement is not { } placement)
        {
            return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(placed.OrderId), cancellationToken)); // a replay: the order as it is now
        }

        if (respondAsync)
        {
            response.Headers["Preference-Applied"] = RespondAsync;
        }

        if (placement.Outcome == PlacementOutcome.Refused)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The order cannot be accepted.",
                detail: placement.Reason,
                instance: $"/api/v1/orders/{placed.OrderId}",
                extensions: new Dictionary<string, object?> { ["rule"] = placement.Rule, ["orderId"] = placed.OrderId, ["orderNumber"] = placed.OrderNumber });
        }

        var details = placement.CompleteOrder is { } complete
            ? OrderDetails.From(complete, respondAsync ? [] : await OrderDetails.PaymentsAsync(sender, complete.Id, cancellationToken))
            : await sender.Send(new GetOrderDetailsQuery(placed.OrderId), cancellationToken);
        return TypedResults.Created($"/api/v1/orders/{placed.OrderId}", details);
    }

    /// <summary>RFC 7240: <c>Prefer</c> holds comma-separated preferences, each perhaps with parameters after a semicolon.</summary>
    internal static bool PrefersRespondAsync(string? prefer) =>
        prefer is not null && prefer.Split(',').Any(p => p.Split(';')[0].Trim().Equals(RespondAsync, StringComparison.OrdinalIgnoreCase));
}
