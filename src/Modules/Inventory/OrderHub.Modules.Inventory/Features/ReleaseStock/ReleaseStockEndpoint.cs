using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Inventory.Features.ReleaseStock;

internal static class ReleaseStockEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inventory/reservations/{key}/release", async (string key, ReleaseBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new ReleaseResultDto(key, await sender.Send(new ReleaseStockCommand(key, body?.Reason ?? "Released by API client"), ct))))
            .WithName("ReleaseStock")
            .WithSummary("Releases everything a reservation holds. Idempotent: released is false when nothing was held.")
            .Produces<ReleaseResultDto>();
}

internal sealed record ReleaseBody(string? Reason);

internal sealed record ReleaseResultDto(string ReservationKey, bool Released);
