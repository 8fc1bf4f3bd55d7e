using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// Turns a complete plan into fulfillments, one per shipment (a supplier's is Dropship and gets its purchase order
/// next, through the outbox), added to the context; shared by sourcing an order and sourcing a short pick again.
/// </summary>
internal static class PlannedFulfillments
{
    public static List<Domain.Fulfillments.Fulfillment> Add(
        FulfillmentDbContext db, Guid orderId, string orderNumber, SourcingPlan plan, SourcingRequest request, DateTimeOffset now, string? reservationKey = null)
    {
        var locations = request.Locations.ToDictionary(l => l.Code, StringComparer.Ordinal);
        var fulfillments = plan.Shipments.Select(s => Domain.Fulfillments.Fulfillment.Create(
            orderId, orderNumber, s.LocationCode, locations[s.LocationCode].PostalCode,
            locations[s.LocationCode].Kind == LocationKind.Supplier ? FulfillmentType.Dropship : FulfillmentType.Warehouse,
            s.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity)), now, reservationKey)).ToList();
        db.Fulfillments.AddRange(fulfillments);
        fulfillments.Where(f => f.Type == FulfillmentType.Dropship).ToList().ForEach(f => db.AddInternalCommand(new Dropship.SendPurchaseOrder(f.Id))); // bought from the supplier next
        return fulfillments;
    }

    /// <summary>The fulfillments as the integration events name them.</summary>
    public static List<SourcedFulfillment> Announced(IEnumerable<Domain.Fulfillments.Fulfillment> fulfillments) =>
        [.. fulfillments.Select(f => new SourcedFulfillment(f.Id, f.LocationCode, f.Type.ToString(), [.. f.Lines.Select(l => new SourcedLine(l.LineNumber, l.Sku, l.Quantity))]))];
}
