using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

internal static class GetOrderFulfillmentsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/orders/{id:guid}/fulfillments", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderFulfillmentsQuery(id), ct)))
            .WithName("GetOrderFulfillments")
            .WithSummary("An order's fulfillments, one per ship-from location, with lines, packages and shipment.")
            .Produces<IReadOnlyList<FulfillmentDto>>();
}
