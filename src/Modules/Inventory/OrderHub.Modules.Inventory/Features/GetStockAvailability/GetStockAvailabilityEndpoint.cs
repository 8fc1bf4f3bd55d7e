using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.GetStockAvailability;

internal static class GetStockAvailabilityEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/{sku}", async (string sku, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetStockAvailabilityQuery(sku), ct)))
            .WithName("GetStockAvailability")
            .WithSummary("On hand, reserved and available stock of a SKU per location.")
            .Produces<StockAvailabilityDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
