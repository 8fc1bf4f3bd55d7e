using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Inventory.Features.SetReorderPoint;

internal static class SetReorderPointEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/inventory/reorder-points/{locationCode}/{sku}", async (string locationCode, string sku, SetReorderPointCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { LocationCode = locationCode, Sku = sku }, ct)))
            .WithName("SetReorderPoint")
            .WithSummary("Sets the reorder point and quantity of a SKU at a location (and optionally its supplier and lead time); the daily check raises suggestions and draft purchase orders below it.")
            .Produces<ReorderPointDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
