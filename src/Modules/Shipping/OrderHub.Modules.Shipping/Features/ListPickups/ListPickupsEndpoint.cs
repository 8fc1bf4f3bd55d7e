using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Shipping.Features.Manifests;

namespace OrderHub.Modules.Shipping.Features.ListPickups;

internal static class ListPickupsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/shipping/pickups", async (DateOnly? date, string? locationCode, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPickupsQuery(date, locationCode), ct)))
            .WithName("ListPickups")
            .WithSummary("Pickups booked with the carriers, latest day first (at most 200), optionally of one day and one location: ready-by and close-by times, confirmation number, who asked.")
            .Produces<IReadOnlyList<PickupDto>>();
}
