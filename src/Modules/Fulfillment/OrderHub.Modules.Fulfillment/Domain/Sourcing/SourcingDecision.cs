namespace OrderHub.Modules.Fulfillment.Domain.Sourcing;

/// <summary>
/// Why an order ships from where it does: the plan sourcing chose and every location it looked at, with the reason each
/// lost. Kept as decided (staff and integrators read it later, when stock and rates have moved on).
/// </summary>
internal sealed class SourcingDecision
{
    private SourcingDecision()
    {
    }

    public Guid OrderId { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public IReadOnlyList<PlannedShipmentRecord> Plan { get; private set; } = [];

    public IReadOnlyList<ConsideredLocationRecord> Considered { get; private set; } = [];

    /// <summary>The staff rule that decided before the optimiser did, when one did.</summary>
    public string? DecidingRule { get; private set; }

    public decimal EstimatedCost { get; private set; }

    public string Currency { get; private set; } = "USD";

    public static SourcingDecision Record(
        Guid orderId, DateTimeOffset now, IReadOnlyList<PlannedShipmentRecord> plan, IReadOnlyList<ConsideredLocationRecord> considered,
        string? decidingRule, string currency) => new()
        {
            OrderId = orderId,
            DecidedAt = now,
            Plan = plan,
            Considered = considered,
            DecidingRule = decidingRule,
            EstimatedCost = plan.Sum(p => p.EstimatedCost),
            Currency = currency,
        };
}

/// <summary>
/// One shipment of the plan: a location, the units of each SKU it ships, its estimated cost, the day it leaves (the
/// location's local day, the next business day past its cut-off) and when it arrives by the order's service (null for
/// decisions made before these were kept, or a service without a delivery).
/// </summary>
internal sealed record PlannedShipmentRecord(
    string LocationCode, IReadOnlyList<PlannedLineRecord> Lines, decimal EstimatedCost, DateOnly? ShipDate = null, DateOnly? EstimatedDelivery = null);

internal sealed record PlannedLineRecord(string Sku, int Quantity);

/// <summary>A location sourcing looked at: chosen or not, why, and its estimated cost when it could serve.</summary>
internal sealed record ConsideredLocationRecord(string LocationCode, bool Chosen, string Reason, decimal? EstimatedCost);
