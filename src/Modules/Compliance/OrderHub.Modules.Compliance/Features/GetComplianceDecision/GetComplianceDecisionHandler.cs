using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Features.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.GetComplianceDecision;

internal sealed class GetComplianceDecisionHandler(ComplianceDbContext db) : IQueryHandler<GetComplianceDecisionQuery, ComplianceDecisionDetailsDto>
{
    public async ValueTask<ComplianceDecisionDetailsDto> Handle(GetComplianceDecisionQuery query, CancellationToken cancellationToken)
    {
        var d = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.DecisionId, cancellationToken)
            ?? throw new NotFoundException("Compliance decision", query.DecisionId.ToString());
        ComplianceRuleDto? used = null;
        if (d.RuleVersionId is { } versionId)
        {
            var version = await db.RuleVersions.AsNoTracking().FirstAsync(r => r.Id == versionId, cancellationToken);
            used = ComplianceRuleDto.From(version, permit: null) with { WineryHoldsPermit = null };
        }

        return new ComplianceDecisionDetailsDto(
            d.Id, d.DecisionKey, d.OrderId, d.OrderNumber, d.OrderDate, d.DecidedAt, d.Outcome.ToString(), d.Rule, d.Reason, d.AdultSignatureRequired,
            d.IsCarryOut, d.ContainsAlcohol, d.StateCode, d.ShipFromLocationCode, d.PurchaserName, d.RecipientName, d.DestinationText,
            d.VolumeMl / 1000m, d.AlcoholValueCents / 100m, d.CountsTowardLimits, d.SupersededAt, d.ReleasedAt,
            [.. d.Checks().Select(c => new DecisionCheckDto(c.Name, c.Result.ToString(), c.Rule, c.Detail))],
            used);
    }
}
