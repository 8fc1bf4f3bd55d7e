using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.Rules;

internal sealed class GetComplianceRulesHandler(ComplianceDbContext db, RuleBook rules) : IQueryHandler<GetComplianceRulesQuery, IReadOnlyList<ComplianceRuleDto>>
{
    public async ValueTask<IReadOnlyList<ComplianceRuleDto>> Handle(GetComplianceRulesQuery query, CancellationToken cancellationToken)
    {
        await rules.EnsureSeededAsync(cancellationToken);
        var current = await db.RuleVersions.AsNoTracking().Where(r => r.IsCurrent).OrderBy(r => r.StateCode).ToListAsync(cancellationToken);
        var permits = await db.Permits.AsNoTracking().ToDictionaryAsync(p => p.StateCode, cancellationToken);
        return [.. current.Select(r => ComplianceRuleDto.From(r, permits.GetValueOrDefault(r.StateCode)))];
    }
}

internal sealed class GetComplianceRuleHandler(ComplianceDbContext db, RuleBook rules) : IQueryHandler<GetComplianceRuleQuery, ComplianceRuleHistoryDto>
{
    public async ValueTask<ComplianceRuleHistoryDto> Handle(GetComplianceRuleQuery query, CancellationToken cancellationToken)
    {
        await rules.EnsureSeededAsync(cancellationToken);
        var code = query.StateCode.Trim().ToUpperInvariant();
        var versions = await db.RuleVersions.AsNoTracking().Where(r => r.StateCode == code).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException("Compliance rule", code);
        }

        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.StateCode == code, cancellationToken);
        var all = versions.Select(v => ComplianceRuleDto.From(v, permit)).ToList();
        return new ComplianceRuleHistoryDto(all.First(v => v.IsCurrent), all);
    }
}
