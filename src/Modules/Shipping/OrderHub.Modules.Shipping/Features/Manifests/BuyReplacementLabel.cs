using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.Manifests;

/// <summary>Buy label number <paramref name="Generation"/> of a re-labelled shipment (<see cref="BuyReplacementLabelHandler"/>).</summary>
internal sealed record BuyReplacementLabel(Guid ShipmentId, int Generation) : InternalCommand;

/// <summary>
/// As <see cref="BuyLabelHandler"/> does for the first label, under the purchase key <c>shipment:{id}:{generation}</c>: a
/// retried step gets the same replacement, and never the voided label again. A step for an older generation does nothing.
/// </summary>
internal sealed partial class BuyReplacementLabelHandler(
    ShippingDbContext db, ISender sender, LabelCarrierChoice choice, IEnumerable<ICarrierLabels> carriers, TimeProvider clock, ILogger<BuyReplacementLabelHandler> logger)
    : IInternalCommandHandler<BuyReplacementLabel>
{
    public async Task HandleAsync(BuyReplacementLabel command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.Include(s => s.Packages).Include(s => s.Lines).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken);
        if (shipment is not { Status: ShipmentStatus.LabelPending } || shipment.LabelGeneration != command.Generation)
        {
            return;
        }

        var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken)
            ?? throw new InvalidOperationException($"Location {shipment.LocationCode} of shipment {shipment.Id} is unknown to Inventory.");
        var request = new RateRequest(origin.Address, shipment.ShipTo, [.. shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.AsParcel())], shipment.ContainsAlcohol, shipment.AdultSignatureRequired);
        var rate = await choice.ChooseAsync(request, shipment.RequestedService, cancellationToken);
        var desk = carriers.FirstOrDefault(c => c.Carrier == rate.Carrier)
            ?? throw new InvalidOperationException($"No label desk is registered for {rate.Carrier}.");

        var now = clock.GetUtcNow();
        var shipDate = BusinessDays.OnOrAfter(DateOnly.FromDateTime(now.UtcDateTime));
        var label = await desk.BuyAsync(
            new LabelPurchase(
                $"shipment:{shipment.Id:N}:{command.Generation}", shipment.OrderNumber, rate.Carrier, rate.Service, origin.Name, origin.Address, shipment.RecipientName,
                shipment.ShipTo, request.Packages, shipment.ContainsAlcohol, shipment.AdultSignatureRequired, shipDate),
            cancellationToken);
        if (!shipment.RecordLabel(rate, label, shipDate, BusinessDays.Add(shipDate, rate.TransitDays), now))
        {
            return;
        }

        db.AddIntegrationEvent(ShipmentEvents.StatusChanged(shipment, ShipmentStatus.LabelPending, now, $"{rate.Carrier} {rate.ServiceName} label {command.Generation} bought"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // a concurrent run recorded the same purchase first
        }

        LogRelabelled(shipment.OrderNumber, command.Generation, rate.Carrier, shipment.TrackingNumber!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Label {Generation} for order {OrderNumber}: {Carrier}, tracking {TrackingNumber}")]
    private partial void LogRelabelled(string orderNumber, int generation, Carrier carrier, string trackingNumber);
}
