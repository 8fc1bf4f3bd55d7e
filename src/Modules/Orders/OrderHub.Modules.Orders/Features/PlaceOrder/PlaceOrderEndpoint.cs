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
    private const string RespondAsync = "respond-async";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/orders", HandleAsync)
            .WithName("PlaceOrder")
            .WithTags("Orders")
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.OrdersWrite);

    private static async Task<Results<Created<OrderDetailsDto>, Ok<OrderDetailsDto>, ProblemHttpResult>> HandleAsync(
        PlaceOrderCommand command,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        [FromHeader(Name = "Prefer")] string? prefer,
        ClaimsPrincipal user,
        HttpResponse response,
        ISender sender,
        OrderIntake intake,
        CancellationToken cancellationToken)
    {
        var request = command with
        {
            IdempotencyKey = IdempotencyKeys.Require(idempotencyKey),
            RequestHash = IdempotencyKeys.Fingerprint(command),
            Actor = Actors.Of(user),
            LookUpReplayFirst = false,
        };

        var respondAsync = PrefersRespondAsync(prefer);
        var (result, placement) = await intake.PlaceAsync(request, respondAsync, cancellationToken);
        if (respondAsync && placement is not null)
        {
            response.Headers["Preference-Applied"] = RespondAsync; // a replay answers with the order as it is now
        }

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
                ? GetOrderDetailsHandler.Map(complete, respondAsync ? [] : await GetOrderDetailsHandler.PaymentsOfAsync(sender, complete.Id, cancellationToken))
                : await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken);
            return TypedResults.Created($"/api/v1/orders/{result.OrderId}", placed);
        }

        return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(result.OrderId), cancellationToken));
    }

    /// <summary>RFC 7240: <c>Prefer</c> holds comma-separated preferences, each perhaps with parameters after a semicolon.</summary>
    internal static bool PrefersRespondAsync(string? prefer) =>
        prefer is not null && prefer.Split(',').Any(p => p.Split(';')[0].Trim().Equals(RespondAsync, StringComparison.OrdinalIgnoreCase));
}
