namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// A staff rule applied before the optimiser. It sees the request and which locations could ship the whole order alone,
/// and may narrow the choice; the plan names the rule that did (<see cref="SourcingPlan.DecidedBy"/>).
/// </summary>
internal interface ISourcingRule
{
    /// <summary>How staff see the rule in a plan, e.g. "PreferLocationRule: CA from NAPA".</summary>
    string Name { get; }

    SourcingConstraint? Constrain(SourcingRequest request, IReadOnlySet<string> locationsServingWholeOrder);
}

/// <summary>
/// The order ships from one location: <see cref="ShipFrom"/> when the rule names it, otherwise the cheapest able to
/// ship everything; when none can, the lines stay unassigned rather than split.
/// </summary>
internal sealed record SourcingConstraint(string? ShipFrom);
