using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Shipping.Features.CheckWeatherHold;

internal static class CheckWeatherHoldEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/shipments/{id:guid}/weather-check", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckWeatherHoldCommand(id) { Actor = Actors.Of(user) }, ct)))
            .WithName("CheckWeatherHold")
            .WithSummary("Checks a held shipment's weather now instead of at the next hourly run: Released (the label is bought next and the order's timeline says so) or StillHeld with the reason brought up to date; audited. 409 when it is not held for weather.")
            .Produces<WeatherHoldChecked>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
