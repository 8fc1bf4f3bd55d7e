using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Domain.SourcingRules;

internal enum SourcingRuleKind
{
    /// <summary>Orders to <see cref="StaffSourcingRule.Region"/> ship from <see cref="StaffSourcingRule.LocationCode"/> whenever it can ship them whole.</summary>
    PreferLocation,

    /// <summary>Orders of <see cref="StaffSourcingRule.Channel"/> ship from one location or wait.</summary>
    NeverSplit,
}

/// <summary>One staff rule as stored; <see cref="ToRule"/> gives the planner's rule.</summary>
internal sealed record StaffSourcingRule(SourcingRuleKind Kind, string? Region = null, string? LocationCode = null, string? Channel = null)
{
    public ISourcingRule ToRule() => Kind switch
    {
        SourcingRuleKind.PreferLocation => new PreferLocationRule(Region!, LocationCode!),
        SourcingRuleKind.NeverSplit => new NeverSplitRule(Channel!),
        _ => throw new InvalidOperationException($"Unknown sourcing rule kind {Kind}."),
    };
}

/// <summary>
/// The staff's sourcing rules, applied in order before the optimiser (first that applies wins). One row, replaced whole
/// by each edit (<see cref="Version"/> guards a stale edit); every edit is kept in <see cref="SourcingRulesChange"/>.
/// </summary>
internal sealed class SourcingRuleSet
{
    public const int SingletonId = 1;

    private SourcingRuleSet()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public IReadOnlyList<StaffSourcingRule> Rules { get; private set; } = [];

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public static SourcingRuleSet Empty(DateTimeOffset now) => new() { UpdatedAt = now, UpdatedBy = "system" };

    /// <summary>Replaces the rules; returns the change to keep. A version other than the current one is a stale edit (409).</summary>
    public SourcingRulesChange Replace(IReadOnlyList<StaffSourcingRule> rules, int? expectedVersion, string reason, string actor, DateTimeOffset now)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new ConflictException($"The sourcing rules are at version {Version}, not {expected}: someone changed them meanwhile; read them again.");
        }

        var change = new SourcingRulesChange(Version + 1, now, actor, reason, Rules, rules);
        Rules = rules;
        Version++;
        UpdatedAt = now;
        UpdatedBy = actor;
        return change;
    }
}

/// <summary>An edit of the sourcing rules: who, when, why, and the rules before and after (the audit trail).</summary>
internal sealed class SourcingRulesChange(int version, DateTimeOffset at, string actor, string reason, IReadOnlyList<StaffSourcingRule> before, IReadOnlyList<StaffSourcingRule> after)
{
    public long Id { get; private set; }

    public int Version { get; private set; } = version;

    public DateTimeOffset At { get; private set; } = at;

    public string Actor { get; private set; } = actor;

    public string Reason { get; private set; } = reason;

    public IReadOnlyList<StaffSourcingRule> Before { get; private set; } = before;

    public IReadOnlyList<StaffSourcingRule> After { get; private set; } = after;
}
