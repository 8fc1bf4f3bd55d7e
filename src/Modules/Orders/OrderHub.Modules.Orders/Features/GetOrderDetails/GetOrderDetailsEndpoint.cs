using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal static class GetOrderDetailsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/orders/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct)))
            .WithName("GetOrderDetails")
            .WithTags("Orders")
            .WithSummary("An order with its lines, holds and timeline.")
            .Produces<OrderDetailsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.OrdersRead);
}
