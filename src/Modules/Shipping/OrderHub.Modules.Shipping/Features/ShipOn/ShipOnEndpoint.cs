using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Shipping.Features.GetShipment;

namespace OrderHub.Modules.Shipping.Features.ShipOn;

internal static class ShipOnEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/shipments/{id:guid}/ship-on", async (Guid id, SetShipOnCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ShipmentId = id }, ct)))
            .WithName("SetShipmentShipOn")
            .WithSummary("The customer's ship-on date for a shipment whose label is not bought yet (with a reason): the label is bought that day. 409 once labelled.")
            .Produces<ShipmentDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
