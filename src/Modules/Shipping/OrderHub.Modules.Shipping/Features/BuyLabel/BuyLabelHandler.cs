using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buys a shipment's label from the cheapest carrier that offers the customer's service level (and carries wine, when
/// wine is inside), records one tracking number and one SSCC-18 (<see cref="SsccSerials"/>) per package, and announces LabelCreated. Safe to run any number of
/// times at once: the purchase is keyed by the shipment (the carrier returns the first sale again), and only one run
/// records it (the shipment's version); a carrier that fails or times out throws, and the outbox runs the step again.
/// Dates come from <see cref="DeliveryPlanner"/> (cut-off, carrier calendar, ground days). Nothing is bought before the
/// customer's ship-on date (the step queued for that day buys it), nor while the shipment is held for weather (the
/// release job queues the step again); wine whose transit window is too hot or too cold is held here, announced once.
/// </summary>
internal sealed partial class BuyLabelHandler(
    ShippingDbContext db,
    ISender sender,
    LabelCarrierChoice choice,
    IEnumerable<ICarrierLabels> carriers,
    DeliveryPlanner planner,
    SsccSerials ssccSerials,
    TimeProvider clock,
    ILogger<BuyLabelHandler> logger)
    : IInternalCommandHandler<BuyLabel>
{
    public async Task HandleAsync(BuyLabel command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.Include(s => s.Packages).Include(s => s.Lines).AsSingleQuery().SingleOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken);
        if (shipment is not { Status: ShipmentStatus.LabelPending } || shipment.LabelGeneration != command.Generation)
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = shipment.OrderNumber });
        if (shipment.IsHeldForWeather)
        {
            LogStillHeld(shipment.OrderNumber, shipment.Id);
            return;
        }

        var now = clock.GetUtcNow();
        var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken)
            ?? throw new InvalidOperationException($"Location {shipment.LocationCode} of shipment {shipment.Id} is unknown to Inventory.");
        if (shipment.ShipOn is { } shipOn)
        {
            var today = (await sender.Send(new Fulfillment.Contracts.Queries.GetLocationShipDayQuery(shipment.LocationCode, now), cancellationToken)).LocalDate;
            if (shipOn > today)
            {
                LogNotYet(shipment.OrderNumber, shipOn);
                return;
            }
        }

        var request = new RateRequest(origin.Address, shipment.ShipTo, [.. shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.AsParcel())], shipment.ContainsAlcohol, shipment.AdultSignatureRequired);
        var rate = await choice.ChooseAsync(request, shipment.RequestedService, cancellationToken);
        var desk = carriers.FirstOrDefault(c => c.Carrier == rate.Carrier)
            ?? throw new InvalidOperationException($"No label desk is registered for {rate.Carrier}.");

        var plan = await planner.PlanAsync(shipment, origin.Address, rate.TransitDays, now, cancellationToken);
        if (plan.Hold is { } hold)
        {
            await HoldAsync(shipment, hold, now, cancellationToken);
            return;
        }

        var ssccs = await ssccSerials.ForAsync(shipment, cancellationToken);
        var shipDate = plan.ShipDate;
        var label = await desk.BuyAsync(
            new LabelPurchase(
                PurchaseKey(shipment), shipment.OrderNumber, rate.Carrier, rate.Service, origin.Name, origin.Address, shipment.RecipientName, shipment.ShipTo,
                request.Packages, shipment.ContainsAlcohol, shipment.AdultSignatureRequired, shipDate),
            cancellationToken);

        if (!shipment.RecordLabel(rate, label, ssccs, shipDate, plan.EstimatedDelivery, now))
        {
            return;
        }

        db.AddIntegrationEvent(ShipmentEvents.StatusChanged(shipment, ShipmentStatus.LabelPending, now, $"{rate.Carrier} {rate.ServiceName} label bought"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent run recorded the same purchase first (the carrier answered both with one sale).
            LogRecordedElsewhere(shipment.OrderNumber, shipment.Id);
            return;
        }

        LogLabelBought(shipment.OrderNumber, rate.Carrier, rate.ServiceName, shipment.TrackingNumber!, label.Amount, shipDate, plan.EstimatedDelivery);
    }

    /// <summary>The carrier's idempotency key: the first label's is the shipment's; a re-label's names its generation, so it is a new sale.</summary>
    private static string PurchaseKey(Shipment shipment) =>
        shipment.LabelGeneration == 1 ? $"shipment:{shipment.Id:N}" : $"shipment:{shipment.Id:N}:{shipment.LabelGeneration}";

    private async Task HoldAsync(Shipment shipment, WeatherHoldPlan hold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (shipment.HoldForWeather(hold.Reason, hold.ProposedShipDate, now))
        {
            db.AddIntegrationEvent(new ShipmentHeldForWeatherIntegrationEvent(shipment.OrderId, shipment.OrderNumber, shipment.Id, hold.Reason, hold.ProposedShipDate));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogRecordedElsewhere(shipment.OrderNumber, shipment.Id);
            return;
        }

        LogHeld(shipment.OrderNumber, shipment.Id, hold.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Label for order {OrderNumber}: {Carrier} {ServiceName}, tracking {TrackingNumber}, {Amount}; ships {ShipDate}, delivery {EstimatedDelivery}")]
    private partial void LogLabelBought(string orderNumber, Carrier carrier, string serviceName, string trackingNumber, decimal amount, DateOnly shipDate, DateOnly estimatedDelivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Label for order {OrderNumber} (shipment {ShipmentId}) was recorded by a concurrent run")]
    private partial void LogRecordedElsewhere(string orderNumber, Guid shipmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: shipment {ShipmentId} held for weather, no label bought: {Reason}")]
    private partial void LogHeld(string orderNumber, Guid shipmentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: shipment {ShipmentId} is held for weather; the release job buys its label")]
    private partial void LogStillHeld(string orderNumber, Guid shipmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: the customer asked it to ship on {ShipOn}; the label is bought that day")]
    private partial void LogNotYet(string orderNumber, DateOnly shipOn);
}
