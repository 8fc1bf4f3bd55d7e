namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>Ship to a state from a given location first whenever that location can ship the whole order alone.</summary>
internal sealed record PreferLocationRule(string Region, string LocationCode) : ISourcingRule
{
    public string Name => $"PreferLocationRule: {Region} from {LocationCode}";

    public SourcingConstraint? Constrain(SourcingRequest request, IReadOnlySet<string> locationsServingWholeOrder) =>
        string.Equals(request.Destination.Region, Region, StringComparison.OrdinalIgnoreCase) && locationsServingWholeOrder.Contains(LocationCode)
            ? new SourcingConstraint(LocationCode)
            : null;
}
