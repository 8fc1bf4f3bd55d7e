namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>Orders of a channel (e.g. "club") ship from one location or wait: never split.</summary>
internal sealed record NeverSplitRule(string Channel) : ISourcingRule
{
    public string Name => $"NeverSplitRule: channel {Channel}";

    public SourcingConstraint? Constrain(SourcingRequest request, IReadOnlySet<string> locationsServingWholeOrder) =>
        string.Equals(request.Channel, Channel, StringComparison.OrdinalIgnoreCase) ? new SourcingConstraint(null) : null;
}
