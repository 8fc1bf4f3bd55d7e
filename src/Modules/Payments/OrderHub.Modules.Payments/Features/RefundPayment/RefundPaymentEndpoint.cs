using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Payments.Features.RefundPayment;

/// <summary>Staff/integrator refund: POST /api/v1/payments/orders/{orderId}/refunds with an Idempotency-Key header.</summary>
internal static class RefundPaymentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{orderId:guid}/refunds", HandleAsync)
            .WithName("RefundPayment")
            .WithSummary("Refunds captured money (full or partial). More than was captured is refused with 422.")
            .Produces<PaymentResultDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<PaymentResultDto>, ProblemHttpResult>> HandleAsync(
        Guid orderId,
        RefundRequest body,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
        ISender sender,
        CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await sender.Send(new RefundPaymentCommand(IdempotencyKeys.Require(idempotencyKey), orderId, body.Amount, body.Reason ?? string.Empty), cancellationToken));
    }

    internal sealed record RefundRequest(decimal Amount, string? Reason);
}
