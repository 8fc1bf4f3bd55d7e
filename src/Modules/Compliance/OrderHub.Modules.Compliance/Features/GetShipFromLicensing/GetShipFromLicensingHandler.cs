using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Compliance.Contracts.Queries;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.GetShipFromLicensing;

/// <summary>The ship-from check of a compliance decision, asked for several locations at once before one is chosen.</summary>
internal sealed class GetShipFromLicensingHandler(ComplianceDbContext db, RuleBook rules, TimeProvider clock)
    : IQueryHandler<GetShipFromLicensingQuery, IReadOnlyList<ShipFromLicenceDto>>
{
    public async ValueTask<IReadOnlyList<ShipFromLicenceDto>> Handle(GetShipFromLicensingQuery query, CancellationToken cancellationToken)
    {
        var state = query.DestinationRegion.Trim().ToUpperInvariant();
        var rule = await rules.CurrentAsync(state, cancellationToken);
        if (rule is null)
        {
            return [.. query.LocationCodes.Select(c => new ShipFromLicenceDto(c, false, $"No shipping law is known for {state}."))];
        }

        if (rule.DtcOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) == DtcStatus.No)
        {
            return [.. query.LocationCodes.Select(c => new ShipFromLicenceDto(c, false, $"{rule.StateName} does not allow wine shipped to consumers."))];
        }

        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.StateCode == rule.StateCode, cancellationToken);
        if (rule.PermitRequired && permit?.Held != true)
        {
            return [.. query.LocationCodes.Select(c => new ShipFromLicenceDto(c, false, $"{rule.StateName} requires a {rule.PermitName}; the winery does not hold it."))];
        }

        return [.. query.LocationCodes.Select(code =>
        {
            var check = ComplianceEvaluator.Location(rule, permit, code);
            return new ShipFromLicenceDto(code, check.Result == CheckResult.Passed, check.Detail);
        })];
    }
}
