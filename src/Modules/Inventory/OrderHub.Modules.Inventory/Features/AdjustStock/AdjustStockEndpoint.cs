using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.AdjustStock;

internal static class AdjustStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/inventory/adjustments", async (
                AdjustStockCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct)))
            .WithName("AdjustStock")
            .WithTags("Inventory")
            .WithSummary("Changes on-hand with a reason code (Breakage, Damage, Spoilage, Sample, Theft, CycleCount, Found, Correction).")
            .Produces<StockAdjustmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
