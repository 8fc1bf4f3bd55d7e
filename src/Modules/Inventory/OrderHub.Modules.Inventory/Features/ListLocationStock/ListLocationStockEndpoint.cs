using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ListLocationStock;

internal static class ListLocationStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/locations/{code}/stock", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListLocationStockQuery(code), ct)))
            .WithName("ListLocationStock")
            .WithSummary("A location's stock by bin and lot: on hand, reserved, available, expiry and quarantine (bins without stock listed empty).")
            .Produces<LocationBinsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
