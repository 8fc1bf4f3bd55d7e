using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.TransferStock;

namespace OrderHub.Modules.Inventory.Features.ReceiveTransfer;

internal static class ReceiveTransferEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inventory/transfers/{id:guid}/receive", async (Guid id, ReceiveTransferCommand? command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send((command ?? new ReceiveTransferCommand()) with { TransferId = id }, ct)))
            .WithName("ReceiveTransfer")
            .WithSummary("Receives a transfer in transit at its destination (optional body { bin }).")
            .Produces<StockTransferDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
