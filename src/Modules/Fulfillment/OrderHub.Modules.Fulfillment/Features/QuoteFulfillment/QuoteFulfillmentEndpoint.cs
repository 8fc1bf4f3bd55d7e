using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;

internal static class QuoteFulfillmentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/fulfillment/quote", async (QuoteFulfillmentQuery query, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(query, ct)))
            .WithName("QuoteFulfillment")
            .WithSummary("What sourcing would do for a cart before it is an order: the ship-from plan, the shipping charge and the estimated delivery date. Nothing is reserved.")
            .Produces<FulfillmentQuoteDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
