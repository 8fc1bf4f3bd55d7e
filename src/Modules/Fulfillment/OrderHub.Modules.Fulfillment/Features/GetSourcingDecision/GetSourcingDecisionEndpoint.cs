using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;

internal static class GetSourcingDecisionEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/orders/{id:guid}/sourcing", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSourcingDecisionQuery(id), ct)))
            .WithName("GetSourcingDecision")
            .WithSummary("Why an order ships from where it does: the chosen plan and every location looked at, with the reason each lost.")
            .Produces<SourcingDecisionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
