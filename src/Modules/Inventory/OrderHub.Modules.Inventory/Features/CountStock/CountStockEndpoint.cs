using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.CountStock;

internal static class CountStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inventory/counts", async (
                CountStockCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ClaimsPrincipal user,
                ISender sender,
                CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(command with { IdempotencyKey = IdempotencyKeys.Optional(idempotencyKey), Actor = Actors.Of(user) }, ct)))
            .WithName("CountStock")
            .WithSummary("A cycle count of a SKU in a bin (and lot): the variance from the expected on-hand adjusts stock (reason CycleCount). Optional Idempotency-Key.")
            .Produces<StockCountDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
