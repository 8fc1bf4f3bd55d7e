using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Shipping.Features.GetLabel;

internal static class GetLabelEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/shipments/{id:guid}/label.zpl", (Guid id, ISender sender, CancellationToken ct) => LabelAsync(id, LabelFormat.Zpl, sender, ct))
            .WithName("GetShipmentLabelZpl")
            .WithSummary("The shipment's 4x6 ZPL II labels (203 dpi), one per package: Code 128 of each tracking number; ADULT SIGNATURE REQUIRED when wine is inside.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zpl")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapGet("/shipments/{id:guid}/label.pdf", (Guid id, ISender sender, CancellationToken ct) => LabelAsync(id, LabelFormat.Pdf, sender, ct))
            .WithName("GetShipmentLabelPdf")
            .WithSummary("The shipment's labels as PDF, one 4x6 inch page per package, with the same content as the ZPL.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> LabelAsync(Guid id, LabelFormat format, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetLabelQuery(id, format), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
