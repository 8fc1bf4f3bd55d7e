using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

namespace OrderHub.Modules.Inventory.Features.SubmitPurchaseOrder;

internal static class SubmitPurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/purchase-orders/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitPurchaseOrderCommand(id), ct)))
            .WithName("SubmitPurchaseOrder")
            .WithSummary("Sends a draft purchase order: it becomes Open and counts as expected supply. 409 unless a draft.")
            .Produces<PurchaseOrderDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
