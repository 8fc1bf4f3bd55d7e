using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Features.GetProduct;

namespace OrderHub.Modules.Inventory.Features.UpdateProduct;

internal static class UpdateProductEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/products/{sku}", async (string sku, UpdateProductCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Sku = sku, Actor = Actors.Of(user) }, ct)))
            .WithName("UpdateProduct")
            .WithSummary("Replaces a product's name, price, currency, weight, alcohol flag and wine attributes (the SKU and a kit's components stay).")
            .Produces<ProductDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
