using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

internal static class CreatePurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/purchase-orders", async (
                CreatePurchaseOrderCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var order = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/purchase-orders/{order.Id}", order);
            })
            .WithName("CreatePurchaseOrder")
            .WithTags("Inventory")
            .WithSummary("Records expected supply: SKUs expected at a destination location on dates (a purchase order or a vintage release).")
            .Produces<PurchaseOrderDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
