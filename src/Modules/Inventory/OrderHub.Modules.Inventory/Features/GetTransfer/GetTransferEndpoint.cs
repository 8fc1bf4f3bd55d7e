using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Features.TransferStock;

namespace OrderHub.Modules.Inventory.Features.GetTransfer;

internal static class GetTransferEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/inventory/transfers/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTransferQuery(id), ct)))
            .WithName("GetTransfer")
            .WithSummary("A transfer with its lots and status (InTransit or Received).")
            .Produces<StockTransferDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
