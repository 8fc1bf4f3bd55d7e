using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.GetPickList;

internal static class GetPickListEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pick-lists/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPickListQuery(id), ct)))
            .WithName("GetPickList")
            .WithSummary("A pick list: its items in walking order, and once confirmed what was picked.")
            .Produces<PickListDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/pick-lists/{id:guid}/document.pdf", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var document = await sender.Send(new GetPickListDocumentQuery(id), ct);
                return TypedResults.File(document.Pdf, "application/pdf", $"{document.Number}.pdf");
            })
            .WithName("GetPickListDocument")
            .WithSummary("The pick list to print: bins, lots, quantities in cases and bottles, a Code 128 barcode per item.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
