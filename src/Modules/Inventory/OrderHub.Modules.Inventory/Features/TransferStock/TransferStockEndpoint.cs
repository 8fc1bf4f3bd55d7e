using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.TransferStock;

internal static class TransferStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<TransferStockCommand, StockTransferDto>("/inventory/transfers", (command, key) => command with { IdempotencyKey = key }, transfer => $"/api/v1/inventory/transfers/{transfer.Id}")
            .WithName("TransferStock")
            .WithSummary("Ships units of a SKU from one location to another; they are in transit until received.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
