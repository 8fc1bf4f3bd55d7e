using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Shipping.Features.ReleaseShipDay;

internal static class ReleaseShipDayEndpoint
{
    public static void MapRead(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/shipping/releases", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPackedAheadQuery(), ct)))
            .WithName("ListPackedAheadDays")
            .WithSummary("The days shipments wait for without a label, per location: [ { locationCode, shipOn, waiting, heldForWeather, isDue } ], soonest first (isDue: the day has come there, the labels are being bought).")
            .Produces<IReadOnlyList<PackedAheadDay>>();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/shipping/releases", async (ReleaseShipDayCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await sender.Send(command with { Actor = Actors.Of(user) }, ct)))
            .WithName("ReleaseShipDay")
            .WithSummary("A wine-club release: what was packed ahead to ship on a later day from one location leaves today. 202: the labels are bought in the background at the configured rate a second (the answer says when the last is due); audited. 422 when that day is not ahead or nothing waits for it.")
            .Produces<ShipDayReleased>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
