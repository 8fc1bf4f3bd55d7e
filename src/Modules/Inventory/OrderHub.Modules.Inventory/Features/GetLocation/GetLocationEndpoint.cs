using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.CreateLocation;

namespace OrderHub.Modules.Inventory.Features.GetLocation;

internal static class GetLocationEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/locations/{code}", async (string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLocationQuery(code), ct)))
            .WithName("GetLocation")
            .WithSummary("A stock location with its bins.")
            .Produces<LocationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
