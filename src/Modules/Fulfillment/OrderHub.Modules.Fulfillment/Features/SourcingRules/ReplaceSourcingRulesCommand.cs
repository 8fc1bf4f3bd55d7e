using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Fulfillment.Domain.SourcingRules;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.SourcingRules;

/// <summary>
/// The body of <c>PUT /api/v1/fulfillment/sourcing-rules</c>: the complete new list of rules, in the order they apply,
/// why, and (recommended) the version read, so an edit made on stale rules is refused (409).
/// </summary>
internal sealed record ReplaceSourcingRulesCommand : ICommand<SourcingRulesDto>
{
    public int? Version { get; init; }

    public IReadOnlyList<SourcingRuleRequest>? Rules { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

internal sealed record SourcingRuleRequest(string? Kind, string? Region, string? LocationCode, string? Channel);

internal sealed class ReplaceSourcingRulesValidator : AbstractValidator<ReplaceSourcingRulesCommand>
{
    public ReplaceSourcingRulesValidator()
    {
        RuleFor(c => c.Rules).NotNull().Must(r => r!.Count <= 100).WithMessage("At most 100 rules.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        RuleForEach(c => c.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Kind).NotEmpty().IsEnumName(typeof(SourcingRuleKind), caseSensitive: false)
                .WithMessage($"Kind is one of {string.Join(", ", Enum.GetNames<SourcingRuleKind>())}.");
            rule.When(r => string.Equals(r.Kind, nameof(SourcingRuleKind.PreferLocation), StringComparison.OrdinalIgnoreCase), () =>
            {
                rule.RuleFor(r => r.Region).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("Region is a two-letter state code.");
                rule.RuleFor(r => r.LocationCode).NotEmpty().MaximumLength(32);
            });
            rule.When(r => string.Equals(r.Kind, nameof(SourcingRuleKind.NeverSplit), StringComparison.OrdinalIgnoreCase), () =>
                rule.RuleFor(r => r.Channel).NotEmpty().MaximumLength(32));
        });
    }
}

/// <summary>Replaces the rules whole and keeps the edit (who, when, why, before and after) in one transaction.</summary>
internal sealed partial class ReplaceSourcingRulesHandler(FulfillmentDbContext db, TimeProvider clock, ILogger<ReplaceSourcingRulesHandler> logger)
    : ICommandHandler<ReplaceSourcingRulesCommand, SourcingRulesDto>
{
    public async ValueTask<SourcingRulesDto> Handle(ReplaceSourcingRulesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var set = await db.SourcingRuleSets.FirstOrDefaultAsync(cancellationToken);
        if (set is null)
        {
            set = SourcingRuleSet.Empty(now);
            db.SourcingRuleSets.Add(set);
        }

        var rules = command.Rules!.Select(r =>
        {
            var kind = Enum.Parse<SourcingRuleKind>(r.Kind!, ignoreCase: true);
            return kind == SourcingRuleKind.PreferLocation
                ? new StaffSourcingRule(kind, Region: r.Region!.Trim().ToUpperInvariant(), LocationCode: r.LocationCode!.Trim())
                : new StaffSourcingRule(kind, Channel: r.Channel!.Trim());
        }).ToList();
        db.SourcingRulesChanges.Add(set.Replace(rules, command.Version, command.Reason!.Trim(), command.Actor, now));
        LogReplaced(set.Version, rules.Count, command.Actor, command.Reason);
        return SourcingRulesDto.From(set);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sourcing rules version {Version}: {Rules} rule(s), by {Actor} ({Reason})")]
    private partial void LogReplaced(int version, int rules, string actor, string reason);
}
