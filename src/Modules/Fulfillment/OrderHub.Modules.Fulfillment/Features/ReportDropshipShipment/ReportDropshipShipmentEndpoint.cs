using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;

internal static class ReportDropshipShipmentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/purchase-orders/{id:guid}/shipments", async (
                Guid id, ReportDropshipShipmentCommand command, [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { PurchaseOrderId = id, IdempotencyKey = IdempotencyKeys.Require(idempotencyKey), Actor = Actors.Of(user) }, ct)))
            .WithName("ReportDropshipShipment")
            .WithSummary("The supplier shipped a dropship purchase order: carrier and tracking number (checked by carrier). The fulfillment and the order's lines are Shipped. Requires an Idempotency-Key.")
            .Produces<DropshipPurchaseOrderDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
