using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.ReceiveStock;

internal static class ReceiveStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<ReceiveStockCommand, StockReceiptDto>("/inventory/receipts", (command, key) => command with { IdempotencyKey = key }, receipt => $"/api/v1/inventory/{Uri.EscapeDataString(receipt.Sku)}")
            .WithName("ReceiveStock")
            .WithSummary("Receives units of a SKU into a location (bin and lot optional). Send an Idempotency-Key so a retry never receives twice.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
