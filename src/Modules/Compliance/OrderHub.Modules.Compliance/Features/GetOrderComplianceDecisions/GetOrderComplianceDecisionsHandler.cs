using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.GetOrderComplianceDecisions;

internal sealed class GetOrderComplianceDecisionsHandler(ComplianceDbContext db)
    : IQueryHandler<GetOrderComplianceDecisionsQuery, IReadOnlyList<OrderComplianceDecisionDto>>
{
    public async ValueTask<IReadOnlyList<OrderComplianceDecisionDto>> Handle(GetOrderComplianceDecisionsQuery query, CancellationToken cancellationToken)
    {
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.OrderId == query.OrderId)
            .Select(d => new { d.Id, d.DecidedAt, d.Outcome, d.Rule, d.Reason, d.SupersededAt })
            .ToListAsync(cancellationToken);
        return [.. decisions.OrderByDescending(d => d.DecidedAt)
            .Select(d => new OrderComplianceDecisionDto(d.Id, d.DecidedAt, d.Outcome.ToString(), d.Rule, d.Reason, d.SupersededAt))];
    }
}
