using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.CreateLocation;

internal static class CreateLocationEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<CreateLocationCommand, LocationDto>("/locations", (command, key) => command with { IdempotencyKey = key }, location => $"/api/v1/locations/{Uri.EscapeDataString(location.Code)}")
            .WithName("CreateLocation")
            .WithSummary("Adds a stock location (warehouse, store, 3PL or supplier) with its bins. Optional Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status409Conflict);
}
