using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Shipping.Features.ListWeatherHolds;

internal static class ListWeatherHoldsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/shipping/weather-holds", async (int? releasedDays, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWeatherHoldsQuery(releasedDays ?? 7), ct)))
            .WithName("ListWeatherHolds")
            .WithSummary("Wine held for weather now (why: the temperature, where and when, the limits; the proposed ship date) and the holds released in the last releasedDays days (7 by default, 1-90), with the limits in force and the next hourly check.")
            .Produces<WeatherHoldsDto>();
}
