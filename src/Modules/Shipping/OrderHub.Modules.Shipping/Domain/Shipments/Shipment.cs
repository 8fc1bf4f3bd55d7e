using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Domain.Shipments;

/// <summary>
/// One packed fulfillment on its way to the customer: created LabelPending when the fulfillment is packed (one shipment
/// per fulfillment), LabelCreated once a carrier sold its label (one tracking number per package), then it follows the
/// carrier's tracking events until delivered or returned.
/// </summary>
internal sealed class Shipment
{
    private readonly List<ShipmentPackage> _packages = [];
    private readonly List<ShipmentLine> _lines = [];
    private readonly List<TrackingEvent> _events = [];

    private Shipment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public Guid FulfillmentId { get; private set; }

    public string LocationCode { get; private set; } = string.Empty;

    /// <summary>The stock reservation holding the shipment's units: committed by Inventory when it leaves.</summary>
    public string ReservationKey { get; private set; } = string.Empty;

    public string RecipientName { get; private set; } = string.Empty;

    public Address ShipTo { get; private set; } = null!;

    /// <summary>The service the customer chose at checkout (Ground, TwoDay, Overnight): the label buys this level.</summary>
    public ServiceLevel RequestedService { get; private set; }

    public bool ContainsAlcohol { get; private set; }

    public bool AdultSignatureRequired { get; private set; }

    public Carrier? Carrier { get; private set; }

    public ServiceLevel? Service { get; private set; }

    public string? ServiceName { get; private set; }

    /// <summary>The carrier's own id for the shipment (UPS ShipmentIdentificationNumber, FedEx master tracking number).</summary>
    public string? CarrierShipmentId { get; private set; }

    public decimal? RateAmount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public ShipmentStatus Status { get; private set; }

    public DateOnly? ShipDate { get; private set; }

    public DateOnly? EstimatedDelivery { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the carrier first had it (the first InTransit-or-later scan): the sale completed then.</summary>
    public DateTimeOffset? DepartedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Which label purchase this is: 1 for the first, one more per re-label (the carrier key <c>shipment:{id}:{n}</c>).</summary>
    public int LabelGeneration { get; private set; } = 1;

    public DateTimeOffset? VoidedAt { get; private set; }

    public string? VoidReason { get; private set; }
    /// <summary>The day the customer asked it to leave (ship-on date): the label is bought that day, not before.</summary>
    public DateOnly? ShipOn { get; private set; }

    public string? ShipOnReason { get; private set; }

    /// <summary>Since when wine waits for weather that allows it to travel (null: not held).</summary>
    public DateTimeOffset? WeatherHeldSince { get; private set; }

    /// <summary>Why: the forecast temperatures, when it is checked again, the proposed ship date.</summary>
    public string? WeatherHoldReason { get; private set; }

    /// <summary>The proposed ship date: the first day the forecast (or the normals) lets it travel; null when none within a year.</summary>
    public DateOnly? WeatherHoldUntil { get; private set; }

    public bool IsHeldForWeather => WeatherHeldSince is not null;

    public IReadOnlyList<ShipmentPackage> Packages => _packages;

    public IReadOnlyList<ShipmentLine> Lines => _lines;

    public IReadOnlyList<TrackingEvent> Events => _events;

    /// <summary>The first package's number: what a customer is told and a single-package carrier tracks.</summary>
    public string? TrackingNumber => _packages.OrderBy(p => p.Sequence).FirstOrDefault()?.TrackingNumber;

    public static Shipment Create(NewShipment data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Packages.Count == 0)
        {
            throw new BusinessRuleViolationException("ShipmentNeedsPackages", $"The fulfillment of order {data.OrderNumber} was packed into no package.");
        }

        var shipment = new Shipment
        {
            Id = Guid.CreateVersion7(),
            OrderId = data.OrderId,
            OrderNumber = data.OrderNumber,
            FulfillmentId = data.FulfillmentId,
            LocationCode = data.LocationCode,
            ReservationKey = data.ReservationKey,
            RecipientName = data.RecipientName,
            ShipTo = data.ShipTo,
            RequestedService = data.RequestedService,
            ContainsAlcohol = data.ContainsAlcohol,
            AdultSignatureRequired = data.AdultSignatureRequired || data.ContainsAlcohol,
            Status = ShipmentStatus.LabelPending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        shipment._packages.AddRange(data.Packages.Select((p, i) => new ShipmentPackage(shipment.Id, i + 1, p.PackageId, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm)));
        shipment._lines.AddRange(data.Lines.Select(l => new ShipmentLine(shipment.Id, l.LineNumber, l.Sku, l.Quantity)));
        return shipment;
    }

    /// <summary>
    /// The carrier sold the label: one tracking number per package, in package order, and each carton's SSCC-18
    /// (<paramref name="ssccs"/>, in package order; a carton keeps the one it has). A shipment that already has its
    /// label keeps it (a retried purchase returns the same one); a voided one cannot take a label.
    /// </summary>
    /// <returns>True when this call recorded the label.</returns>
    public bool RecordLabel(CarrierRate rate, PurchasedLabel label, IReadOnlyList<string> ssccs, DateOnly shipDate, DateOnly estimatedDelivery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(ssccs);
        if (Status != ShipmentStatus.LabelPending)
        {
            return false;
        }

        if (label.TrackingNumbers.Count != _packages.Count)
        {
            throw new InvalidOperationException($"{rate.Carrier} returned {label.TrackingNumbers.Count} tracking number(s) for {_packages.Count} package(s) of order {OrderNumber}.");
        }

        if (ssccs.Count != _packages.Count)
        {
            throw new InvalidOperationException($"{ssccs.Count} SSCC(s) for {_packages.Count} package(s) of order {OrderNumber}.");
        }

        foreach (var ((package, number), sscc) in _packages.OrderBy(p => p.Sequence).Zip(label.TrackingNumbers).Zip(ssccs))
        {
            package.AssignTrackingNumber(number);
            package.AssignSscc(sscc);
        }

        (Carrier, Service, ServiceName, CarrierShipmentId) = (rate.Carrier, rate.Service, rate.ServiceName, label.ShipmentIdentifier);
        (RateAmount, Currency) = (label.Amount, label.Currency);
        (ShipDate, EstimatedDelivery) = (shipDate, estimatedDelivery);
        MoveTo(ShipmentStatus.LabelCreated, now);
        return true;
    }

    /// <summary>
    /// A carrier's scan: kept unless the same status at the same instant is already known, and the status becomes
    /// <see cref="ShipmentProgress.StatusOf"/> all scans. A voided shipment or one without a label ignores scans.
    /// </summary>
    /// <returns>The status before, when this scan changed it; null when nothing changed.</returns>
    public ShipmentStatus? Track(ShipmentStatus status, DateTimeOffset at, string? description, string? location, DateTimeOffset now)
    {
        if (!status.IsTrackingStatus())
        {
            throw new BusinessRuleViolationException("NotATrackingStatus", $"{status} is not a status a carrier reports.");
        }

        // To the millisecond, as the databases keep it (SQLite's sortable form and PostgreSQL drop finer ticks): a resent
        // scan must compare equal to the stored one.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        if (Status is ShipmentStatus.LabelPending or ShipmentStatus.Voided || _events.Any(e => e.Status == status && e.At == at))
        {
            return null;
        }

        _events.Add(new TrackingEvent(Id, status, at, description, location, now));
        var before = Status;
        var after = ShipmentProgress.StatusOf(_events.Select(e => (e.Status, e.At)))!.Value;
        if (after == before)
        {
            UpdatedAt = now;
            return null;
        }

        DepartedAt ??= at;
        MoveTo(after, now);
        return before;
    }

    /// <summary>
    /// Staff void the label before the carrier has the parcel: the shipment is Voided and takes no scans; its tracking
    /// numbers stay on it for the record until a re-label. Voiding twice changes nothing; a shipment that has left
    /// cannot be voided.
    /// </summary>
    /// <returns>The status before, when this call voided it; null when it was already void.</returns>
    public ShipmentStatus? Void(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == ShipmentStatus.Voided)
        {
            return null;
        }

        if (Status.HasLeft())
        {
            throw new ConflictException($"Shipment {Id} of order {OrderNumber} is {Status}: the carrier has it, so its label cannot be voided.");
        }

        var before = Status;
        (VoidedAt, VoidReason) = (now, reason.Trim());
        MoveTo(ShipmentStatus.Voided, now);
        return before;
    }

    /// <summary>
    /// A new label for a voided shipment: back to LabelPending with the next <see cref="LabelGeneration"/>, the voided
    /// label's carrier, rate and tracking numbers cleared, so the purchase goes to the carrier under a new key and gets
    /// new numbers.
    /// </summary>
    public void Relabel(DateTimeOffset now)
    {
        if (Status != ShipmentStatus.Voided)
        {
            throw new ConflictException($"Shipment {Id} of order {OrderNumber} is {Status}: void its label before buying another.");
        }

        foreach (var package in _packages)
        {
            package.AssignTrackingNumber(null);
        }

        (Carrier, Service, ServiceName, CarrierShipmentId, RateAmount, ShipDate, EstimatedDelivery) = (null, null, null, null, null, null, null);
        LabelGeneration++;
        MoveTo(ShipmentStatus.LabelPending, now);
    }

    /// <summary>
    /// The customer asked it to leave on <paramref name="date"/>: the label is bought that day. Only before the label is
    /// bought (409 after).
    /// </summary>
    public void RequestShipOn(DateOnly date, string reason, DateTimeOffset now)
    {
        if (Status != ShipmentStatus.LabelPending)
        {
            throw new ConflictException($"Shipment {Id} of order {OrderNumber} is {Status}: its label is bought, the ship date can no longer change.");
        }

        (ShipOn, ShipOnReason) = (date, reason);
        Touch(now);
    }

    /// <summary>The weather does not let the wine travel: no label now; the job checks it again.</summary>
    /// <returns>True when the hold is new (announced); false when an existing hold was only brought up to date.</returns>
    public bool HoldForWeather(string reason, DateOnly? until, DateTimeOffset now)
    {
        if (Status != ShipmentStatus.LabelPending)
        {
            return false;
        }

        var isNew = WeatherHeldSince is null;
        WeatherHeldSince ??= now;
        (WeatherHoldReason, WeatherHoldUntil) = (reason, until);
        Touch(now);
        return isNew;
    }

    /// <summary>The weather allows it now: the hold ends and the label can be bought.</summary>
    /// <returns>True when a hold ended.</returns>
    public bool ReleaseWeatherHold(DateTimeOffset now)
    {
        if (WeatherHeldSince is null || Status != ShipmentStatus.LabelPending)
        {
            return false;
        }

        (WeatherHeldSince, WeatherHoldReason, WeatherHoldUntil) = (null, null, null);
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void MoveTo(ShipmentStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What a packed fulfillment tells Shipping (the integration event, in the module's terms).</summary>
internal sealed record NewShipment(
    Guid OrderId,
    string OrderNumber,
    Guid FulfillmentId,
    string LocationCode,
    string ReservationKey,
    string RecipientName,
    Address ShipTo,
    ServiceLevel RequestedService,
    bool ContainsAlcohol,
    bool AdultSignatureRequired,
    IReadOnlyList<NewShipmentPackage> Packages,
    IReadOnlyList<(int LineNumber, string Sku, int Quantity)> Lines);

internal sealed record NewShipmentPackage(Guid PackageId, int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

/// <summary>One box of a shipment: its own tracking number and SSCC once the label is bought.</summary>
internal sealed class ShipmentPackage(Guid shipmentId, int sequence, Guid packageId, int weightGrams, int lengthCm, int widthCm, int heightCm)
{
    public Guid ShipmentId { get; private set; } = shipmentId;

    /// <summary>1-based: "1 OF 2" on the label.</summary>
    public int Sequence { get; private set; } = sequence;

    /// <summary>Fulfillment's package id (the box the bench packed).</summary>
    public Guid PackageId { get; private set; } = packageId;

    public int WeightGrams { get; private set; } = weightGrams;

    public int LengthCm { get; private set; } = lengthCm;

    public int WidthCm { get; private set; } = widthCm;

    public int HeightCm { get; private set; } = heightCm;

    public string? TrackingNumber { get; private set; }

    /// <summary>The carton's GS1 SSCC-18 (18 digits, no "(00)"), given with its first label and kept for its life (a re-label keeps it).</summary>
    public string? Sscc { get; private set; }

    public ShippingParcel AsParcel() => new(WeightGrams, LengthCm, WidthCm, HeightCm);

    internal void AssignTrackingNumber(string? trackingNumber) => TrackingNumber = trackingNumber;

    internal void AssignSscc(string sscc) => Sscc ??= sscc;
}

/// <summary>Units of an order line in the shipment: what leaves when it leaves.</summary>
internal sealed class ShipmentLine(Guid shipmentId, int lineNumber, string sku, int quantity)
{
    public Guid ShipmentId { get; private set; } = shipmentId;

    public int LineNumber { get; private set; } = lineNumber;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;
}
