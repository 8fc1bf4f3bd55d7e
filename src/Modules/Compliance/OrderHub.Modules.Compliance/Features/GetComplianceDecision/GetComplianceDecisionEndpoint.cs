using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Modules.Compliance.Features.GetComplianceDocument;

namespace OrderHub.Modules.Compliance.Features.GetComplianceDecision;

internal static class GetComplianceDecisionEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/decisions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetComplianceDecisionQuery(id), ct)))
            .WithName("GetComplianceDecision")
            .WithSummary("Explains a decision: every check with its facts, and the rule version used at the time.")
            .Produces<ComplianceDecisionDetailsDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/decisions/{id:guid}/document.pdf", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var decision = await sender.Send(new GetComplianceDecisionQuery(id), ct);
                return TypedResults.File(ComplianceDocument.Render(decision), "application/pdf", $"compliance-{decision.OrderNumber}-{decision.Id:N}.pdf");
            })
            .WithName("GetComplianceDocument")
            .WithSummary("The compliance document of a decision as PDF: the checks made and passed, and the rule version used.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
