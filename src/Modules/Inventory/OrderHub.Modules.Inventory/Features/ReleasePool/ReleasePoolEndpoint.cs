using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ReleasePool;

internal static class ReleasePoolEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inventory/pools/{name}/release", async (string name, ReleasePoolBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReleasePoolCommand(name, string.IsNullOrWhiteSpace(body?.Reason) ? "Released by hand" : body.Reason.Trim()), ct)))
            .WithName("ReleaseAllocationPool")
            .WithSummary("Returns what a pool still sets aside to general stock now (before its release date). Idempotent.")
            .Produces<PoolReleaseDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

internal sealed record ReleasePoolBody(string? Reason);
