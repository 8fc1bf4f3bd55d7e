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

    /// <summary>
    /// Why the plan is not complete, for the order's hold or a quote's refusal: the units nobody may ship, the rule that
    /// decided when one did, and each location's reason ("No location may ship 2 x CAB (RENO-WH: not licensed for GA)").
    /// </summary>
    public string NotSourcedReason()
    {
        var missing = string.Join(", ", Unassigned.Select(l => $"{l.Quantity} x {l.Sku}"));
        var why = Considered.Any(c => !c.Chosen)
            ? string.Join("; ", Considered.Where(c => !c.Chosen).Select(c => $"{c.LocationCode}: {c.Reason}"))
            : Considered.Count == 0 ? "no location has stock of it" : "no other location has stock of it";
        return DecidedBy is { } rule
            ? $"No location may ship {missing} under {rule} ({why})"
            : $"No location may ship {missing} ({why})";
    }
}

/// <summary>What one location ships, with its estimated carriage plus handling.</summary>
internal sealed record PlannedShipment(string LocationCode, IReadOnlyList<PlannedLine> Lines, decimal EstimatedCost);

internal sealed record PlannedLine(int LineNumber, string Sku, int Quantity);

/// <summary>
/// A location as staff see it in the plan: chosen or not, the short reason, and what the whole order would have cost
/// from it alone (or its shipment's cost when chosen); null when it could not have shipped the whole order.
/// </summary>
internal sealed record ConsideredLocation(string LocationCode, bool Chosen, string Reason, decimal? EstimatedCost);
