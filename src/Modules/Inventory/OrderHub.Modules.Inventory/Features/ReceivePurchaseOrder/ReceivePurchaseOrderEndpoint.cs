using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;

namespace OrderHub.Modules.Inventory.Features.ReceivePurchaseOrder;

internal static class ReceivePurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/purchase-orders/{id:guid}/receipts", async (
                Guid id,
                ReceivePurchaseOrderCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var receipt = await sender.Send(command with { PurchaseOrderId = id, IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/purchase-orders/{id}", receipt);
            })
            .WithName("ReceivePurchaseOrder")
            .WithSummary("Receives units against a purchase order into its destination; never more than a line has outstanding. Send an Idempotency-Key so a retry never receives twice.")
            .Produces<PurchaseOrderReceiptDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
