using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ListBackorders;

internal static class ListBackordersEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/backorders", async (string? status, string? sku, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBackordersQuery(status, sku), ct)))
            .WithName("ListBackorders")
            .WithSummary("Backorders (demand waiting on expected supply) in serving order: priority, then request time. Filter by status (Waiting|Allocated|Cancelled) and SKU.")
            .Produces<IReadOnlyList<BackorderRequestDto>>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
