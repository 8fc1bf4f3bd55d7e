using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Modules.Compliance.Features.Rules;

internal static class ComplianceRulesEndpoint
{
    public static void Map(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        reads.MapGet("/rules", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetComplianceRulesQuery(), ct)))
            .WithName("GetComplianceRules")
            .WithSummary("The current wine shipping rule of every state and DC, with whether the winery holds the permit.")
            .Produces<IReadOnlyList<ComplianceRuleDto>>();

        reads.MapGet("/rules/{state}", async (string state, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetComplianceRuleQuery(state), ct)))
            .WithName("GetComplianceRule")
            .WithSummary("One state's rule: the current version and every version before it (who, when, why).")
            .Produces<ComplianceRuleHistoryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writes.MapPut("/rules/{state}", async (string state, UpdateComplianceRuleCommand command, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { StateCode = state, Actor = $"api:{user.Identity?.Name ?? "unknown"}" }, ct)))
            .WithName("UpdateComplianceRule")
            .WithSummary("Changes a state's rule by adding a new version; a reason is required. Past decisions keep the version they used.")
            .Produces<ComplianceRuleDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
