using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Fulfillment.Features.GetPurchaseOrderDocument;

/// <summary>
/// <c>/purchase-orders/{id}/document.pdf</c> sits beside Inventory's replenishment routes (<c>/purchase-orders/{id}</c>,
/// <c>/receipts</c>, <c>/submit</c>) without overlapping them: a literal last segment no Inventory route has. It answers
/// for dropship purchase orders only (their ids are Fulfillment's own); a replenishment order's id is a 404 here.
/// </summary>
internal static class GetPurchaseOrderDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/purchase-orders/{id:guid}/document.pdf", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var document = await sender.Send(new GetPurchaseOrderDocumentQuery(id), ct);
                return TypedResults.File(document.Pdf, "application/pdf", $"{document.Number}.pdf");
            })
            .WithName("GetPurchaseOrderDocument")
            .WithSummary("A dropship purchase order to print or mail to the supplier: buyer, supplier, the consumer to ship to, the lines, the alcohol rules.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
