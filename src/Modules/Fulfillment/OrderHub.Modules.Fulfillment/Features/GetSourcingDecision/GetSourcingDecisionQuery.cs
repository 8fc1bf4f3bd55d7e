using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;

/// <summary>
/// Why an order ships from where it does (API.md, "Fulfillment"): the plan sourcing chose and every location it looked
/// at, with the reason each lost, as decided. 404 until the order is sourced (or after a change, until it is again).
/// </summary>
internal sealed record GetSourcingDecisionQuery(Guid OrderId) : IQuery<SourcingDecisionDto>;

/// <summary>The decision; <see cref="DecidingRule"/> names the staff rule that decided before the optimiser, when one did.</summary>
internal sealed record SourcingDecisionDto(
    DateTimeOffset DecidedAt,
    IReadOnlyList<SourcingShipmentDto> Plan,
    IReadOnlyList<ConsideredLocationDto> Considered,
    string? DecidingRule);

/// <summary>
/// One shipment of the plan, with its estimated shipping plus handling, the day it leaves the location (the next business
/// day when sourced past the location's cut-off) and its estimated delivery by the order's service.
/// </summary>
internal sealed record SourcingShipmentDto(
    string LocationCode, IReadOnlyList<SourcingLineDto> Lines, MoneyDto EstimatedCost, DateOnly? ShipDate, DateOnly? EstimatedDelivery);

internal sealed record SourcingLineDto(string Sku, int Quantity);

/// <summary>
/// A location looked at: chosen or not and why ("no stock of X", "not licensed for TX", "costs 4.20 more"); its
/// estimated cost when it could have shipped the whole order alone (the chosen shipment's cost when chosen), else null.
/// </summary>
internal sealed record ConsideredLocationDto(string LocationCode, bool Chosen, string Reason, MoneyDto? EstimatedCost);
