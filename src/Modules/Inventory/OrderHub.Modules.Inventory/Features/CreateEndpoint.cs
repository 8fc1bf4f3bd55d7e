using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Http;

namespace OrderHub.Modules.Inventory.Features;

/// <summary>The HTTP shape every Inventory create shares: the command as JSON body, an optional Idempotency-Key, 201 with the result or 400.</summary>
internal static class CreateEndpoint
{
    /// <summary>
    /// <c>POST</c> <paramref name="pattern"/>: sends the body with the Idempotency-Key header set on it by <paramref name="withKey"/>,
    /// answers 201 with what was created at <paramref name="location"/> (no Location header when that is null).
    /// </summary>
    public static RouteHandlerBuilder MapCreate<TCommand, TResult>(
        this IEndpointRouteBuilder endpoints, string pattern, Func<TCommand, string?, TCommand> withKey, Func<TResult, string?> location)
        where TCommand : ICommand<TResult> =>
        endpoints.MapPost(pattern, async (
                TCommand command,
                [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var created = await sender.Send(withKey(command, IdempotencyKeys.Optional(idempotencyKey)), ct);
                return TypedResults.Created(location(created), created);
            })
            .Produces<TResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
}
