using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ListProducts;

internal static class ListProductsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/products", async (string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProductsQuery(search, page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListProducts")
            .WithSummary("A page (default 25, at most 200) of the catalog by SKU; search matches the start of the SKU or part of the name.")
            .Produces<CatalogPageDto>()
            .ProducesValidationProblem();
}
