using OrderHub.Modules.Fulfillment.Domain.SourcingRules;

namespace OrderHub.Modules.Fulfillment.Features.SourcingRules;

/// <summary>The staff's sourcing rules in the order they apply; <see cref="Version"/> is what an edit sends back.</summary>
internal sealed record SourcingRulesDto(int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<SourcingRuleDto> Rules)
{
    public static SourcingRulesDto From(SourcingRuleSet? set) =>
        set is null ? new(0, null, null, []) : new(set.Version, set.UpdatedAt, set.UpdatedBy, [.. set.Rules.Select(SourcingRuleDto.From)]);
}

/// <summary>One rule: <see cref="Kind"/> PreferLocation (region, locationCode) or NeverSplit (channel); <see cref="Description"/> as plans name it.</summary>
internal sealed record SourcingRuleDto(string Kind, string? Region, string? LocationCode, string? Channel, string Description)
{
    public static SourcingRuleDto From(StaffSourcingRule rule) => new(rule.Kind.ToString(), rule.Region, rule.LocationCode, rule.Channel, rule.ToRule().Name);
}

/// <summary>One edit: who, when, why, the rules before and after.</summary>
internal sealed record SourcingRulesChangeDto(int Version, DateTimeOffset At, string Actor, string Reason, IReadOnlyList<SourcingRuleDto> Before, IReadOnlyList<SourcingRuleDto> After);
