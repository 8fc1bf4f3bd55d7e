using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

namespace OrderHub.Modules.Inventory.Features.SubmitPurchaseOrder;

internal static class SubmitPurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/purchase-orders/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitPurchaseOrderCommand(id), ct)))
            .WithName("SubmitPurchaseOrder")
            .WithTags("Inventory")
            .WithSummary("Sends a draft purchase order: it becomes Open and counts as expected supply. 409 unless a draft.")
            .Produces<PurchaseOrderDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ApiScopes.InventoryWrite);
}
