namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// How the planner weighs a split: each shipment beyond the first counts <see cref="SplitPenalty"/> more than its cost
/// (a second box costs packing time and a customer's patience), and the staff rules, applied in order (first wins).
/// </summary>
internal sealed record SourcingPolicy(decimal SplitPenalty, IReadOnlyList<ISourcingRule> Rules)
{
    public static SourcingPolicy Default { get; } = new(3.00m, []);
}
