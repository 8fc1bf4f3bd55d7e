using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.GetLocationInventory;

internal static class GetLocationInventoryEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/locations/{code}/inventory", async (string code, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLocationInventoryQuery(code, page ?? 1, pageSize ?? 50), ct)))
            .WithName("GetLocationInventory")
            .WithSummary("A page (default 50, at most 500) of the SKUs stocked at a location: on hand, reserved, pooled and available, by SKU.")
            .Produces<LocationInventoryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
