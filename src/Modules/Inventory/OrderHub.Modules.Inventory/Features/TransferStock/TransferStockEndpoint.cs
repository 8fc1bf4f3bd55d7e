using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.TransferStock;

internal static class TransferStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/inventory/transfers", async (
                TransferStockCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var transfer = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/inventory/transfers/{transfer.Id}", transfer);
            })
            .WithName("TransferStock")
            .WithTags("Inventory")
            .WithSummary("Ships units of a SKU from one location to another; they are in transit until received.")
            .Produces<StockTransferDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
