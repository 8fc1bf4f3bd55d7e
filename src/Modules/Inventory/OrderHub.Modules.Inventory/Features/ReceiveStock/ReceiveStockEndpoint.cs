using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.ReceiveStock;

internal static class ReceiveStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/inventory/receipts", async (
                ReceiveStockCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var receipt = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/inventory/{Uri.EscapeDataString(receipt.Sku)}", receipt);
            })
            .WithName("ReceiveStock")
            .WithTags("Inventory")
            .WithSummary("Receives units of a SKU into a location (bin and lot optional). Send an Idempotency-Key so a retry never receives twice.")
            .Produces<StockReceiptDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
