using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Compliance.Features.Permits;

internal static class WineryPermitsEndpoint
{
    public static void Map(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        reads.MapGet("/permits", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWineryPermitsQuery(), ct)))
            .WithName("GetWineryPermits")
            .WithSummary("The winery's shipping permits per state (held or not, which ship-from locations they cover).")
            .Produces<IReadOnlyList<WineryPermitDto>>();

        writes.MapPut("/permits/{state}", async (string state, UpdateWineryPermitCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { StateCode = state, Actor = $"api:{user.Identity?.Name ?? "unknown"}" }, ct)))
            .WithName("UpdateWineryPermit")
            .WithSummary("Records whether the winery holds a state's permit (and for which locations); a reason is required and audited.")
            .Produces<WineryPermitDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
