using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Fulfillment.Features.SourcingRules;

internal static class SourcingRulesEndpoints
{
    public static void MapReads(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fulfillment/sourcing-rules", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSourcingRulesQuery(), ct)))
            .WithName("GetSourcingRules")
            .WithSummary("The staff's sourcing rules, in the order they apply before the optimiser (\"ship CA from NAPA-WH first\", \"never split club orders\").")
            .Produces<SourcingRulesDto>();
        endpoints.MapGet("/fulfillment/sourcing-rules/changes", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSourcingRulesChangesQuery(), ct)))
            .WithName("GetSourcingRulesChanges")
            .WithSummary("Every edit of the sourcing rules, newest first: who, when, why, before and after.")
            .Produces<IReadOnlyList<SourcingRulesChangeDto>>();
    }

    public static void MapWrites(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/fulfillment/sourcing-rules", async (ReplaceSourcingRulesCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { Actor = Actors.Of(user) }, ct)))
            .WithName("ReplaceSourcingRules")
            .WithSummary("Replaces the sourcing rules whole (with a reason; send the version read: 409 if they changed meanwhile). Orders sourced from then on follow them; the edit is kept.")
            .Produces<SourcingRulesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
