using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.DecideCompliance;

/// <summary>
/// Decides an order: loads the state's current rule version, the winery permit and the consumer's earlier approved
/// volume in the widest limit window, evaluates, and records the decision with its evidence. A repeated
/// DecisionKey returns the first decision unchanged. A new approved decision supersedes the order's earlier
/// approved one, so an edited order counts its volume once.
/// </summary>
internal sealed class DecideComplianceHandler(
    ComplianceDbContext db,
    RuleBook rules,
    TimeProvider clock,
    ILogger<DecideComplianceHandler> logger) : ICommandHandler<DecideComplianceCommand, ComplianceDecisionDto>
{
    public async ValueTask<ComplianceDecisionDto> Handle(DecideComplianceCommand command, CancellationToken cancellationToken)
    {
        // One read: this key's decision (a replay) and the order's decisions that count toward limits (superseded below).
        var known = await db.Decisions
            .Where(d => d.DecisionKey == command.DecisionKey || (d.OrderId == command.OrderId && d.CountsTowardLimits))
            .ToListAsync(cancellationToken);
        if (known.Find(d => d.DecisionKey == command.DecisionKey) is { } existing)
        {
            return existing.ToDto();
        }

        var isUs = command.Destination.Country.Trim().Equals("US", StringComparison.OrdinalIgnoreCase);
        var state = command.Destination.Region.Trim().ToUpperInvariant();
        var rule = isUs ? await rules.CurrentAsync(state, cancellationToken) : null;
        var permit = rule is null ? null : await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.StateCode == rule.StateCode, cancellationToken);
        var keys = ConsumerKeys.For(command.Recipient, command.Destination);
        var prior = rule is null || command.IsCarryOut ? [] : await PriorVolumeAsync(command, rule, keys, cancellationToken);

        var evaluation = ComplianceEvaluator.Evaluate(command, rule, permit, prior);
        var now = clock.GetUtcNow();
        var decision = ComplianceDecision.Record(command, evaluation, keys, now);
        if (decision.CountsTowardLimits)
        {
            known.ForEach(d => d.Supersede(now));
        }

        db.Decisions.Add(decision);
        using (logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = command.OrderNumber }))
        {
            logger.LogInformation("Compliance decision for order {OrderNumber}: {Outcome} {Rule} (state {State}, rule version {RuleVersion}, {VolumeMl} ml)",
                command.OrderNumber, evaluation.Outcome, evaluation.Rule ?? "-", evaluation.StateCode ?? "-", evaluation.RuleVersion, evaluation.VolumeMl);
        }

        return decision.ToDto();
    }

    private async Task<IReadOnlyList<PriorVolume>> PriorVolumeAsync(DecideComplianceCommand command, StateRuleVersion rule, ConsumerKeys keys, CancellationToken cancellationToken)
    {
        var limits = rule.ParsedLimits().Where(l => l.Period != LimitPeriod.PerShipment).ToList();
        if (limits.Count == 0)
        {
            return [];
        }

        var windows = limits.Select(l => l.Window(command.OrderDate)).ToList();
        var from = windows.Min(w => w.From);
        var to = windows.Max(w => w.To);
        var email = keys.Email;
        var hasEmail = email.Length > 0;
        // One indexed look-up per consumer key (UNION ALL), not one OR over the state's whole window: that read every
        // decision of the state in the window, so a file of orders to one state cost O(n²) (docs/performance.md).
        var window = db.Decisions.AsNoTracking()
            .Where(d => d.StateCode == rule.StateCode && d.CountsTowardLimits && d.OrderId != command.OrderId && d.OrderDate >= from && d.OrderDate <= to);
        var byPerson = window.Where(d => d.PersonKey == keys.Person);
        var byAddress = window.Where(d => d.AddressKey == keys.Address);
        var matches = hasEmail ? window.Where(d => d.EmailKey == email).Concat(byPerson).Concat(byAddress) : byPerson.Concat(byAddress);
        var rows = (await matches
            .Select(d => new { d.Id, d.OrderDate, d.VolumeMl, d.EmailKey, d.PersonKey, d.AddressKey })
            .ToListAsync(cancellationToken))
            .DistinctBy(r => r.Id);
        return [.. rows.Select(r =>
        {
            var sameEmail = hasEmail && r.EmailKey == email;
            return new PriorVolume(r.OrderDate, r.VolumeMl, sameEmail || r.PersonKey == keys.Person, sameEmail || r.AddressKey == keys.Address);
        })];
    }
}
