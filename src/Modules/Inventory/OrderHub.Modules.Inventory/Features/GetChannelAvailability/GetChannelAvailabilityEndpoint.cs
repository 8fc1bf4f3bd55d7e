using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.GetChannelAvailability;

internal static class GetChannelAvailabilityEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/{sku}/channels", async (string sku, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetChannelAvailabilityQuery(sku), ct)))
            .WithName("GetChannelAvailability")
            .WithSummary("What each channel can reserve of a SKU: general availability plus the units its allocation pools still set aside.")
            .Produces<ChannelAvailabilityDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
