using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Inventory.Features.QuarantineLot;

internal static class QuarantineLotEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/inventory/lots/{locationCode}/{sku}/{lot}/quarantine", async (
                string locationCode, string sku, string lot, QuarantineLotCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { LocationCode = locationCode, Sku = sku, Lot = lot, Actor = Actors.Of(user) }, ct)))
            .WithName("QuarantineLot")
            .WithSummary("Holds a lot back from picking at a location (quarantined: true, with a reason), or releases it (false). Pick lists never take a quarantined lot.")
            .Produces<QuarantinedLotDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
