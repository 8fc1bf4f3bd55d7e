using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Fulfillment.Features.LocationSettings;

internal static class LocationSettingsEndpoints
{
    public static void MapReads(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fulfillment/locations/settings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLocationSettingsQuery(), ct)))
            .WithName("GetLocationSettings")
            .WithSummary("Each location's fulfillment settings (handling cost, daily limit, cut-off, time zone, pick deadline); a location not listed uses the defaults by kind.")
            .Produces<IReadOnlyList<LocationSettingsDto>>();
        endpoints.MapGet("/fulfillment/locations/settings/changes", async (string? locationCode, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLocationSettingsChangesQuery(locationCode), ct)))
            .WithName("GetLocationSettingsChanges")
            .WithSummary("Every edit of the locations' settings (optionally ?locationCode=), newest first: who, when, why, before and after.")
            .Produces<IReadOnlyList<LocationSettingsChangeDto>>();
    }

    public static void MapWrites(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/fulfillment/locations/{code}/settings", async (string code, ReplaceLocationSettingsCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { LocationCode = code, Actor = Actors.Of(user) }, ct)))
            .WithName("ReplaceLocationSettings")
            .WithSummary("Sets a location's fulfillment settings whole (with a reason; send the version read: 409 if they changed meanwhile). Sourcing follows them from then on; the edit is kept.")
            .Produces<LocationSettingsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
