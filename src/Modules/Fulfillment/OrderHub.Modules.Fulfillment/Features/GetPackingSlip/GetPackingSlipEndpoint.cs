using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Fulfillment.Features.GetPackingSlip;

internal static class GetPackingSlipEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/fulfillments/{id:guid}/packing-slip.pdf", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var slip = await sender.Send(new GetPackingSlipQuery(id), ct);
                return TypedResults.File(slip.Pdf, "application/pdf", $"packing-slip-{slip.OrderNumber}.pdf");
            })
            .WithName("GetPackingSlip")
            .WithSummary("The packing slip of a packed fulfillment (ship-from, ship-to, each package's contents, the adult-signature notice for wine); 409 before it is packed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
