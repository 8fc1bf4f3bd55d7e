using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Payments.Features.GetOrderPayments;

internal static class GetOrderPaymentsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/orders/{orderId:guid}", async (Guid orderId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOrderPaymentsQuery(orderId), ct)))
            .WithName("GetOrderPayments")
            .WithSummary("An order's payment ledger: totals and every authorization, capture, void and refund.")
            .Produces<OrderPaymentsDto>();
}
