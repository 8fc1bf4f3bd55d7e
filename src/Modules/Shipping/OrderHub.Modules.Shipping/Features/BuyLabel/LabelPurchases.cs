using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.IntegrationEvents;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>A label to buy: the shipment and which of its labels (a step for an older generation does nothing).</summary>
internal sealed record LabelToBuy(Guid ShipmentId, int Generation = 1);

/// <summary>A label that could not be bought (the carrier refused or timed out, or no carrier offers the service).</summary>
internal sealed record FailedPurchase(LabelToBuy Label, string OrderNumber, Exception Error);

/// <summary>
/// Buys shipments' labels, one or a batch in one unit of work: each from the cheapest carrier that offers the customer's
/// service level (and carries wine, when wine is inside), with one tracking number and one SSCC-18
/// (<see cref="SsccSerials"/>) per package, announcing LabelCreated. Safe to run any number of times at once: the purchase
/// is keyed by the shipment (the carrier returns the first sale again), and only one run records it (the shipment's
/// version). Dates come from <see cref="DeliveryPlanner"/> (cut-off, carrier calendar, ground days). Nothing is bought
/// before the customer's ship-on date (the step queued for that day buys it), nor while the shipment is held for weather
/// (the release job queues the step again); wine whose transit window is too hot or too cold is held here, announced once.
/// A batch (a club release) reads its shipments and their locations once, numbers their cartons in one unit of work, quotes
/// side by side, buys each carrier's share in one call to its desk and records every label in one save: per label it cost
/// a step, a transaction and four location queries of its own.
/// </summary>
internal sealed partial class LabelPurchases(
    ShippingDbContext db,
    ISender sender,
    LabelCarrierChoice choice,
    IEnumerable<ICarrierLabels> carriers,
    DeliveryPlanner planner,
    SsccSerials ssccSerials,
    TimeProvider clock,
    ILogger<LabelPurchases> logger)
{
    /// <summary>Buys what is due of <paramref name="labels"/>; returns the ones that failed, recorded nothing for them.</summary>
    /// <exception cref="DbUpdateConcurrencyException">A shipment of a batch changed meanwhile: nothing was recorded, run it again.</exception>
    public async Task<IReadOnlyList<FailedPurchase>> BuyAsync(IReadOnlyList<LabelToBuy> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var ids = labels.Select(l => l.ShipmentId).ToList();
        var loaded = await db.Shipments.Include(s => s.Packages).Include(s => s.Lines).AsSingleQuery()
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var places = new Dictionary<string, (LocationAddressDto Origin, LocationShipDayDto Day)>();
        var due = new List<(LabelToBuy Label, Shipment Shipment)>();
        foreach (var label in labels)
        {
            if (!loaded.TryGetValue(label.ShipmentId, out var shipment) || shipment.Status != ShipmentStatus.LabelPending || shipment.LabelGeneration != label.Generation)
            {
                continue;
            }

            if (shipment.IsHeldForWeather)
            {
                LogStillHeld(shipment.OrderNumber, shipment.Id);
                continue;
            }

            if (!places.TryGetValue(shipment.LocationCode, out var place))
            {
                place = places[shipment.LocationCode] = await PlaceAsync(shipment, now, cancellationToken);
            }

            if (shipment.ShipOn is { } shipOn && shipOn > place.Day.LocalDate)
            {
                LogNotYet(shipment.OrderNumber, shipOn);
                continue;
            }

            due.Add((label, shipment));
        }

        // The carriers are asked side by side (a remote carrier takes a few hundred milliseconds a call); the database is
        // touched only between the rounds, by this one unit of work.
        var quotes = await Task.WhenAll(due.Select(d => QuoteAsync(d.Label, d.Shipment, places[d.Shipment.LocationCode], now, cancellationToken)));
        var failed = quotes.Where(q => q.Failure is not null).Select(q => q.Failure!).ToList();
        var held = quotes.Where(q => q.Plan?.Hold is not null).ToList();
        var toBuy = quotes.Where(q => q.Failure is null && q.Plan!.Hold is null).ToList();
        var ssccs = await ssccSerials.ForAllAsync([.. toBuy.Select(q => q.Shipment)], cancellationToken);
        var bought = (await Task.WhenAll(toBuy.GroupBy(q => q.Rate!.Carrier).Select(c => PurchaseAsync([.. c], places, cancellationToken)))).SelectMany(b => b).ToList();
        failed.AddRange(bought.Where(b => b.Failure is not null).Select(b => b.Failure!));

        var recorded = new List<(Quote Quote, PurchasedLabel Label)>();
        foreach (var (quote, label, _) in bought.Where(b => b.Label is not null))
        {
            if (quote.Shipment.RecordLabel(quote.Rate!, label!, ssccs[quote.Shipment.Id], quote.Plan!.ShipDate, quote.Plan.EstimatedDelivery, now))
            {
                db.AddIntegrationEvent(ShipmentEvents.StatusChanged(quote.Shipment, ShipmentStatus.LabelPending, now, $"{quote.Rate!.Carrier} {quote.Rate.ServiceName} label bought"));
                recorded.Add((quote, label!));
            }
        }

        foreach (var quote in held)
        {
            var hold = quote.Plan!.Hold!;
            if (quote.Shipment.HoldForWeather(hold.Reason, hold.ProposedShipDate, now))
            {
                db.AddIntegrationEvent(new ShipmentHeldForWeatherIntegrationEvent(quote.Shipment.OrderId, quote.Shipment.OrderNumber, quote.Shipment.Id, hold.Reason, hold.ProposedShipDate));
            }
        }

        if (!await SaveAsync(labels.Count, due, cancellationToken))
        {
            return failed;
        }

        foreach (var (quote, label) in recorded)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = quote.Shipment.OrderNumber });
            LogLabelBought(quote.Shipment.OrderNumber, quote.Rate!.Carrier, quote.Rate.ServiceName, quote.Shipment.TrackingNumber!, label.Amount, quote.Plan!.ShipDate, quote.Plan.EstimatedDelivery);
        }

        foreach (var quote in held)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = quote.Shipment.OrderNumber });
            LogHeld(quote.Shipment.OrderNumber, quote.Shipment.Id, quote.Plan!.Hold!.Reason);
        }

        return failed;
    }

    /// <summary>Saves the labels and holds; false when the one shipment of a single purchase was recorded by a concurrent run.</summary>
    private async Task<bool> SaveAsync(int asked, List<(LabelToBuy Label, Shipment Shipment)> due, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (asked == 1 && due.Count == 1)
        {
            // A concurrent run recorded the same purchase first (the carrier answered both with one sale). A batch throws
            // instead: run again, it finds that shipment done and records the others.
            LogRecordedElsewhere(due[0].Shipment.OrderNumber, due[0].Shipment.Id);
            return false;
        }
    }

    private async Task<(LocationAddressDto Origin, LocationShipDayDto Day)> PlaceAsync(Shipment shipment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken)
            ?? throw new InvalidOperationException($"Location {shipment.LocationCode} of shipment {shipment.Id} is unknown to Inventory.");
        var day = await sender.Send(new GetLocationShipDayQuery(shipment.LocationCode, now), cancellationToken);
        return (origin, day);
    }

    /// <summary>The carrier and the dates (or the weather hold) of one shipment; a failure instead when no carrier can take it.</summary>
    private async Task<Quote> QuoteAsync(
        LabelToBuy label, Shipment shipment, (LocationAddressDto Origin, LocationShipDayDto Day) place, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = new RateRequest(place.Origin.Address, shipment.ShipTo, [.. shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.AsParcel())], shipment.ContainsAlcohol, shipment.AdultSignatureRequired);
        try
        {
            var rate = await choice.ChooseAsync(request, shipment.RequestedService, cancellationToken);
            var plan = await planner.PlanAsync(shipment, place.Origin.Address, rate.TransitDays, place.Day, now, cancellationToken);
            return new Quote(label, shipment, request, rate, plan, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new Quote(label, shipment, request, null, null, new FailedPurchase(label, shipment.OrderNumber, ex));
        }
    }

    /// <summary>Buys one carrier's share of the batch from its desk, in one call (<see cref="ICarrierLabels.BuyAllAsync"/>).</summary>
    private async Task<IEnumerable<(Quote Quote, PurchasedLabel? Label, FailedPurchase? Failure)>> PurchaseAsync(
        List<Quote> quotes, Dictionary<string, (LocationAddressDto Origin, LocationShipDayDto Day)> places, CancellationToken cancellationToken)
    {
        var carrier = quotes[0].Rate!.Carrier;
        if (carriers.FirstOrDefault(c => c.Carrier == carrier) is not { } desk)
        {
            var none = new InvalidOperationException($"No label desk is registered for {carrier}.");
            return quotes.Select(q => (q, (PurchasedLabel?)null, (FailedPurchase?)new FailedPurchase(q.Label, q.Shipment.OrderNumber, none)));
        }

        var sales = await desk.BuyAllAsync([.. quotes.Select(q => Purchase(q, places[q.Shipment.LocationCode].Origin))], cancellationToken);
        return quotes.Zip(sales, (q, sale) => (q, sale.Label, sale.Error is null ? null : new FailedPurchase(q.Label, q.Shipment.OrderNumber, sale.Error)));
    }

    private static LabelPurchase Purchase(Quote quote, LocationAddressDto origin)
    {
        var (shipment, rate) = (quote.Shipment, quote.Rate!);
        return new LabelPurchase(
            PurchaseKey(shipment), shipment.OrderNumber, rate.Carrier, rate.Service, origin.Name, origin.Address, shipment.RecipientName, shipment.ShipTo,
            quote.Request.Packages, shipment.ContainsAlcohol, shipment.AdultSignatureRequired, quote.Plan!.ShipDate);
    }

    /// <summary>The carrier's idempotency key: the first label's is the shipment's; a re-label's names its generation, so it is a new sale.</summary>
    private static string PurchaseKey(Shipment shipment) =>
        shipment.LabelGeneration == 1 ? $"shipment:{shipment.Id:N}" : $"shipment:{shipment.Id:N}:{shipment.LabelGeneration}";

    private sealed record Quote(LabelToBuy Label, Shipment Shipment, RateRequest Request, CarrierRate? Rate, DeliveryPlan? Plan, FailedPurchase? Failure);

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
