using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.GetPool;

namespace OrderHub.Modules.Inventory.Features.CreatePool;

internal static class CreatePoolEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<CreatePoolCommand, PoolDto>("/inventory/pools", (command, key) => command with { IdempotencyKey = key }, pool => $"/api/v1/inventory/pools/{Uri.EscapeDataString(pool.Name)}")
            .WithName("CreateAllocationPool")
            .WithSummary("Sets stock aside for a channel (e.g. the wine club or the tasting room) until a release date. All lines or none. Optional Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
