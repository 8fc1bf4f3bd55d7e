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

namespace OrderHub.Modules.Orders.Features.ReshipOrder;

internal static class ReshipOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/reship", HandleAsync)
            .WithName("ReshipOrder")
            .WithSummary("Sends a replacement for units of a shipped order at no charge, as a new order. Requires an Idempotency-Key header.")
            .WithDescription(
                "Body `{ reason, lines?: [ { sku, quantity } ] }`; without `lines`, every unit that shipped. Only for an order that is Shipped, " +
                "PartiallyShipped or Delivered (409 otherwise); a SKU not shipped or more units than shipped is 422. The replacement goes to the same " +
                "customer and address by the same service, `externalReference` `reship:<original number>`, unit prices, shipping and tax 0, and is " +
                "placed as any order (stock reserved, compliance decided and counted, no payment for its zero total, then sourced). 201 with the new " +
                "order and `Location`; the same key and body again is 200 with it, another body 409. The original's timeline gets `Reshipped`, the " +
                "new order's `ReplacementFor`; `GET /api/v1/orders/{id}` shows them as `reships` and `replacementFor`.")
            .Produces<OrderDetailsDto>(StatusCodes.Status201Created)
            .Produces<OrderDetailsDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<OrderDetailsDto>, Ok<OrderDetailsDto>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ReshipOrderRequest request,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var reship = await sender.Send(
            new ReshipOrderCommand(new ReceiveReshipCommand(id, request, IdempotencyKeys.Require(idempotencyKey), Actors.Of(user))), cancellationToken);
        var details = await sender.Send(new GetOrderDetailsQuery(reship.OrderId), cancellationToken);
        if (reship.Placement is not { } placement)
        {
            return TypedResults.Ok(details); // a replay: the replacement as it is now
        }

        if (placement.Outcome == PlacementOutcome.Refused)
        {
            // As for any order: the law refused the replacement (e.g. the consumer's volume limit); it is kept, cancelled, for the record.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The replacement cannot be sent.",
                detail: placement.Reason,
                instance: $"/api/v1/orders/{reship.OrderId}",
                extensions: new Dictionary<string, object?> { ["rule"] = placement.Rule, ["orderId"] = reship.OrderId, ["orderNumber"] = reship.OrderNumber });
        }

        return TypedResults.Created($"/api/v1/orders/{reship.OrderId}", details);
    }
}
