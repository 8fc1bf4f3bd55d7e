using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.GetProduct;

namespace OrderHub.Modules.Inventory.Features.CreateProduct;

internal static class CreateProductEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<CreateProductCommand, ProductDto>("/products", (command, key) => command with { IdempotencyKey = key }, product => $"/api/v1/products/{Uri.EscapeDataString(product.Sku)}")
            .WithName("CreateProduct")
            .WithSummary("Adds a SKU (a wine in one format, or a kit of other SKUs). Optional Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
