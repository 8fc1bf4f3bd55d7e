using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.AdjustStock;

internal static class AdjustStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapCreate<AdjustStockCommand, StockAdjustmentDto>("/inventory/adjustments", (command, key) => command with { IdempotencyKey = key }, _ => null)
            .WithName("AdjustStock")
            .WithSummary("Changes on-hand with a reason code (Breakage, Damage, Spoilage, Sample, Theft, CycleCount, Found, Correction).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
