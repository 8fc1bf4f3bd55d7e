using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Inventory.Features.ReserveStock;

internal static class ReserveStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inventory/reservations", async (ReserveStockCommand command, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(command, ct);
                return result.Reserved
                    ? Results.Created($"/api/v1/inventory/reservations/{Uri.EscapeDataString(result.ReservationKey)}", result)
                    : Results.Problem(
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "A business rule refused the request.",
                        detail: "Not enough stock: " + string.Join(", ", result.Shortages.Select(s => $"{s.Sku} requested {s.Requested}, available {s.Available}")),
                        extensions: new Dictionary<string, object?> { ["rule"] = "InsufficientStock", ["shortages"] = result.Shortages });
            })
            .WithName("ReserveStock")
            .WithSummary("Holds stock for every line or none (e.g. a cart or a POS sale). The reservation key makes retries safe.")
            .Produces<StockReservationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
