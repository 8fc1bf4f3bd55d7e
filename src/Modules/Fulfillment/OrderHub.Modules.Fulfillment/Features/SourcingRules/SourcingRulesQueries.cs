using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.SourcingRules;

/// <summary>The staff's sourcing rules now (version 0 and none before the first edit).</summary>
internal sealed record GetSourcingRulesQuery : IQuery<SourcingRulesDto>;

/// <summary>Every edit of the sourcing rules, newest first (the audit trail).</summary>
internal sealed record GetSourcingRulesChangesQuery : IQuery<IReadOnlyList<SourcingRulesChangeDto>>;

internal sealed class SourcingRulesQueryHandler(FulfillmentDbContext db)
    : IQueryHandler<GetSourcingRulesQuery, SourcingRulesDto>, IQueryHandler<GetSourcingRulesChangesQuery, IReadOnlyList<SourcingRulesChangeDto>>
{
    public async ValueTask<SourcingRulesDto> Handle(GetSourcingRulesQuery query, CancellationToken cancellationToken) =>
        SourcingRulesDto.From(await db.SourcingRuleSets.AsNoTracking().FirstOrDefaultAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<SourcingRulesChangeDto>> Handle(GetSourcingRulesChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = await db.SourcingRulesChanges.AsNoTracking().OrderByDescending(c => c.Version).Take(500).ToListAsync(cancellationToken);
        return [.. changes.Select(c => new SourcingRulesChangeDto(
            c.Version, c.At, c.Actor, c.Reason, [.. c.Before.Select(SourcingRuleDto.From)], [.. c.After.Select(SourcingRuleDto.From)]))];
    }
}
