using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Orders.Features.SearchOrders;

internal static class SearchOrdersEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/orders", async (
                string? status, string? email, string? number, string? name, string? externalReference, string? sku,
                DateTimeOffset? from, DateTimeOffset? to, string? sort, int? page, int? pageSize, string? channel, string? holdType, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new SearchOrdersQuery(status, email, number, name, externalReference, sku, from, to, sort, page ?? 1, pageSize ?? 25, channel, holdType), ct)))
            .WithName("SearchOrders")
            .WithSummary("A page of order summaries by status, email, number, name, external reference, SKU, date range, channel or active hold type.")
            .Produces<OrderPageDto>()
            .ProducesValidationProblem();
}
