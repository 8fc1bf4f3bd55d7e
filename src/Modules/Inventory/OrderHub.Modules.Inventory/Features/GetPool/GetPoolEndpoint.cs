using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.GetPool;

internal static class GetPoolEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/pools/{name}", async (string name, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPoolQuery(name), ct)))
            .WithName("GetAllocationPool")
            .WithSummary("An allocation pool with what it set aside, what remains and what its channel drew, per SKU and location.")
            .Produces<PoolDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
