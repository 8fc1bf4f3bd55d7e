using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.GetProduct;

internal static class GetProductEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/products/{sku}", async (string sku, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProductQuery(sku), ct)))
            .WithName("GetProduct")
            .WithSummary("A product by SKU, with its wine attributes.")
            .Produces<ProductDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
