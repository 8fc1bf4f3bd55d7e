using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.ReleasePool;

internal static class ReleasePoolEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/inventory/pools/{name}/release", async (string name, ReleasePoolBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReleasePoolCommand(name, string.IsNullOrWhiteSpace(body?.Reason) ? "Released by hand" : body.Reason.Trim()), ct)))
            .WithName("ReleaseAllocationPool")
            .WithTags("Inventory")
            .WithSummary("Returns what a pool still sets aside to general stock now (before its release date). Idempotent.")
            .Produces<PoolReleaseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}

internal sealed record ReleasePoolBody(string? Reason);
