using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal static class GetOrderDetailsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/orders/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct)))
            .WithName("GetOrderDetails")
            .WithSummary("An order with its lines, holds and timeline.")
            .Produces<OrderDetailsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
