using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Shipping.Features.GetShipment;

internal static class GetShipmentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/shipments/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetShipmentQuery(id), ct)))
            .WithName("GetShipment")
            .WithSummary("A shipment: carrier, service, tracking number and page, status, rate, estimated delivery, packages and the carrier's scans.")
            .Produces<ShipmentDetailsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
