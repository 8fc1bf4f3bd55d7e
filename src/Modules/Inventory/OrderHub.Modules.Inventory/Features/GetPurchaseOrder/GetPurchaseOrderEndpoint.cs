using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

namespace OrderHub.Modules.Inventory.Features.GetPurchaseOrder;

internal static class GetPurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/purchase-orders/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPurchaseOrderQuery(id), ct)))
            .WithName("GetPurchaseOrder")
            .WithSummary("A purchase order with its lines: ordered, received and outstanding quantities, expected dates, status.")
            .Produces<PurchaseOrderDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
