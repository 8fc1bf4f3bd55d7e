using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.CreateLocation;

internal static class CreateLocationEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/locations", async (
                CreateLocationCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var location = await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey) }, ct);
                return TypedResults.Created($"/api/v1/locations/{Uri.EscapeDataString(location.Code)}", location);
            })
            .WithName("CreateLocation")
            .WithTags("Inventory")
            .WithSummary("Adds a stock location (warehouse, store, 3PL or supplier) with its bins. Optional Idempotency-Key.")
            .Produces<LocationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
