namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// The decision: one shipment per location used, the lines nothing could serve (the caller backorders or holds them),
/// every location looked at and why, and the rule that decided when one did. <see cref="TotalEstimatedCost"/> is the
/// sum of the shipments' costs (the split penalty steers the choice but is not money and is not in it).
/// </summary>
internal sealed record SourcingPlan(
    IReadOnlyList<PlannedShipment> Shipments,
    IReadOnlyList<PlannedLine> Unassigned,
    IReadOnlyList<ConsideredLocation> Considered,
    decimal TotalEstimatedCost,
    string? DecidedBy)
{
    public bool IsComplete => Unassigned.Count == 0;
}

/// <summary>What one location ships, with its estimated carriage plus handling.</summary>
internal sealed record PlannedShipment(string LocationCode, IReadOnlyList<PlannedLine> Lines, decimal EstimatedCost);

internal sealed record PlannedLine(int LineNumber, string Sku, int Quantity);

/// <summary>
/// A location as staff see it in the plan: chosen or not, the short reason, and what the whole order would have cost
/// from it alone (or its shipment's cost when chosen); null when it could not have shipped the whole order.
/// </summary>
internal sealed record ConsideredLocation(string LocationCode, bool Chosen, string Reason, decimal? EstimatedCost);
