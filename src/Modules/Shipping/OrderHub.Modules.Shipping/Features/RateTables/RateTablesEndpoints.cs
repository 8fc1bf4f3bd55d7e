using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Shipping.Features.RateTables;

internal static class RateTablesEndpoints
{
    public static void MapReads(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/shipping/rate-tables", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRateTablesQuery(), ct)))
            .WithName("GetRateTables")
            .WithSummary("The carriers' rate tables the simulated carriers price from: zone charts by ZIP3, weight brackets per service and zone, dimensional divisor, surcharges and transit days.")
            .Produces<RateTablesDto>();
        endpoints.MapGet("/shipping/rate-tables/changes", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRateTablesChangesQuery(), ct)))
            .WithName("GetRateTablesChanges")
            .WithSummary("Every edit of the rate tables, newest first: who, when, why, before and after.")
            .Produces<IReadOnlyList<RateTablesChangeDto>>();
    }

    public static void MapWrites(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/shipping/rate-tables", async (ReplaceRateTablesCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Actor = Actors.Of(user) }, ct)))
            .WithName("ReplaceRateTables")
            .WithSummary("Replaces the rate tables whole (with the version read and a reason: 409 if they changed meanwhile). Rates from then on use them; the edit is kept.")
            .Produces<RateTablesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
