using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Placement;

/// <summary>The compliance question for an order's lines and destination, as placement and changes both ask it.</summary>
internal static class ComplianceRequests
{
    public static DecideComplianceCommand For(Order order, IEnumerable<PricedLine> lines, Address destination, string decisionKey) =>
        For(order, order.Customer, lines, destination, decisionKey);

    /// <summary>The question for a purchaser whose details a change is about to update (a date of birth given later).</summary>
    public static DecideComplianceCommand For(Order order, Customer c, IEnumerable<PricedLine> lines, Address destination, string decisionKey)
    {
        var purchaser = new ComplianceParty(c.Email, c.FirstName, c.LastName, c.DateOfBirth);
        return new DecideComplianceCommand(
            decisionKey, order.Id, order.Number, DateOnly.FromDateTime(order.PlacedAt.UtcDateTime), purchaser, purchaser,
            new ComplianceAddress(destination.Line1, destination.Line2, destination.City, destination.Region, destination.PostalCode, destination.Country),
            order.IsCarryOut, ShipFromLocationCode: null,
            [.. lines.Select(l => new ComplianceLine(l.Sku, l.Quantity, l.IsAlcohol, l.VolumeMl, l.UnitPrice))]);
    }
}
