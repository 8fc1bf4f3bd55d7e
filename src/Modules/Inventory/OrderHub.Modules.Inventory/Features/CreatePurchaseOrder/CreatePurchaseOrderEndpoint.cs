using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

internal static class CreatePurchaseOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<CreatePurchaseOrderCommand, PurchaseOrderDto>("/purchase-orders", (command, key) => command with { IdempotencyKey = key }, order => $"/api/v1/purchase-orders/{order.Id}")
            .WithName("CreatePurchaseOrder")
            .WithSummary("Records expected supply: SKUs expected at a destination location on dates (a purchase order or a vintage release).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
