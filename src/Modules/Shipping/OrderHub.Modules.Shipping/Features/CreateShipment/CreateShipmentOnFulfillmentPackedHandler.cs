using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.CreateShipment;

/// <summary>
/// A fulfillment was packed: its shipment is made (LabelPending) with the step that buys its label, in one transaction,
/// once per fulfillment (inbox, and a unique index on the fulfillment). Packed ahead to leave on a later day, the step is
/// due at the start of that day where it ships from.
/// </summary>
internal sealed class CreateShipmentOnFulfillmentPackedHandler(ShippingDbContext db, ISender sender, TimeProvider clock, ILogger<CreateShipmentOnFulfillmentPackedHandler> logger)
    : InboxHandler<FulfillmentPackedIntegrationEvent, ShippingDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(FulfillmentPackedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Db.Shipments.AnyAsync(s => s.FulfillmentId == e.FulfillmentId, cancellationToken))
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var shipment = Shipment.Create(
            new NewShipment(
                e.OrderId, e.OrderNumber, e.FulfillmentId, e.LocationCode, e.ReservationKey, e.RecipientName, e.ShipTo,
                Enum.TryParse<ServiceLevel>(e.ShippingService, ignoreCase: true, out var service) ? service : ServiceLevel.Ground,
                e.ContainsAlcohol, e.AdultSignatureRequired,
                [.. e.Packages.Select(p => new NewShipmentPackage(p.PackageId, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm))],
                [.. e.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity))]),
            now);
        DateTimeOffset? labelDueAt = null;
        if (e.ShipOn is { } shipOn)
        {
            shipment.RequestShipOn(shipOn, $"Packed ahead to ship on {shipOn:yyyy-MM-dd}", now);
            labelDueAt = await ShipOnSchedule.LabelDueAtAsync(sender, e.LocationCode, shipOn, now, cancellationToken);
        }

        Db.Shipments.Add(shipment);
        Db.AddInternalCommand(new BuyLabel.BuyLabel(shipment.Id), labelDueAt);
        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = e.OrderNumber });
        Logger.LogInformation("Shipment {ShipmentId} of order {OrderNumber} from {LocationCode}: {Packages} package(s), label to buy", shipment.Id, e.OrderNumber, e.LocationCode, e.Packages.Count);
    }
}
