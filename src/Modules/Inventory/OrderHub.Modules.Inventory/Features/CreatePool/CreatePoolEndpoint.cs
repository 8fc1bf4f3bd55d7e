using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Features.GetPool;

namespace OrderHub.Modules.Inventory.Features.CreatePool;

internal static class CreatePoolEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/inventory/pools", async (
                CreatePoolCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var pool = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/inventory/pools/{Uri.EscapeDataString(pool.Name)}", pool);
            })
            .WithName("CreateAllocationPool")
            .WithTags("Inventory")
            .WithSummary("Sets stock aside for a channel (e.g. the wine club or the tasting room) until a release date. All lines or none. Optional Idempotency-Key.")
            .Produces<PoolDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
