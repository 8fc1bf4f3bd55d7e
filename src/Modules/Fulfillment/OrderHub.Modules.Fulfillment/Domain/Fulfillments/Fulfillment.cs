using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Fulfillment.Domain.Fulfillments;

internal enum FulfillmentType
{
    /// <summary>Picked and packed at one of the winery's own locations.</summary>
    Warehouse,

    /// <summary>Shipped by a supplier against a purchase order.</summary>
    Dropship,
}

internal enum FulfillmentStatus
{
    Open,
    Picking,
    Picked,
    Packed,
    Shipped,
    Cancelled,
}

/// <summary>
/// The part of an order one location ships: sourcing makes one per ship-from location, and it then goes through picking,
/// packing and shipping. Its lines keep the order's line numbers.
/// </summary>
internal sealed class Fulfillment
{
    private readonly List<FulfillmentLine> _lines = [];
    private readonly List<Package> _packages = [];

    private Fulfillment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public FulfillmentType Type { get; private set; }

    public FulfillmentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? ShipmentId { get; private set; }

    public Guid? PurchaseOrderId { get; private set; }

    /// <summary>The ship-from postal code, kept from sourcing: packing prices boxes on this lane.</summary>
    public string OriginPostalCode { get; private set; } = string.Empty;

    /// <summary>
    /// The stock reservation holding its units when it is not the order's own: a shortfall sourced again after a short
    /// pick is held under its own key (the order's reservation stays as it was).
    /// </summary>
    public string? ReservationKey { get; private set; }

    /// <summary>The pick list this fulfillment is on, once it is on one.</summary>
    public Guid? PickListId { get; private set; }

    /// <summary>Optimistic concurrency: two pickers confirming at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<FulfillmentLine> Lines => _lines;

    public IReadOnlyList<Package> Packages => _packages;

    /// <summary>True while nothing has been picked for it: it may still be cancelled or re-sourced.</summary>
    public bool IsOpen => Status == FulfillmentStatus.Open;

    /// <summary>True until it ships or is cancelled: an order cancelled meanwhile stops it (the goods go back to the shelf).</summary>
    public bool IsActive => Status is not (FulfillmentStatus.Shipped or FulfillmentStatus.Cancelled);

    /// <summary>The order was cancelled, or changed before picking: this part will not ship from here.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new ConflictException($"The {LocationCode} fulfillment of order {OrderNumber} is {Status}; it can no longer be cancelled.");
        }

        MoveTo(FulfillmentStatus.Cancelled, now);
    }

    /// <summary>A pick wave took it: from now on it is picked from the list <paramref name="pickListId"/>.</summary>
    public void StartPicking(Guid pickListId, DateTimeOffset now)
    {
        Require(FulfillmentStatus.Open, "put on a pick list");
        PickListId = pickListId;
        MoveTo(FulfillmentStatus.Picking, now);
    }

    /// <summary>
    /// The pick list was confirmed: each line records what was picked of its SKU (a SKU's units fill its lines in line
    /// order), and the fulfillment is Picked; it ships what was picked.
    /// </summary>
    public void RecordPicked(IReadOnlyDictionary<string, int> pickedBySku, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pickedBySku);
        Require(FulfillmentStatus.Picking, "confirmed as picked");
        var left = new Dictionary<string, int>(pickedBySku, StringComparer.Ordinal);
        foreach (var line in _lines.OrderBy(l => l.LineNumber))
        {
            var picked = Math.Min(line.Quantity, left.GetValueOrDefault(line.Sku));
            line.Pick(picked);
            left[line.Sku] = left.GetValueOrDefault(line.Sku) - picked;
        }

        MoveTo(FulfillmentStatus.Picked, now);
    }

    /// <summary>Units of each order line the picker did not find: what is sourced again.</summary>
    public IReadOnlyList<(int LineNumber, string Sku, int Quantity)> Shortfall() =>
        [.. _lines.Where(l => l.PickedQuantity < l.Quantity).OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.Sku, l.Quantity - l.PickedQuantity))];

    /// <summary>Units picked of each SKU: what packing must put in boxes, no more and no less.</summary>
    public IReadOnlyDictionary<string, int> PickedBySku() =>
        _lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.PickedQuantity), StringComparer.Ordinal);

    /// <summary>
    /// Packs what was picked into <paramref name="packages"/>: every picked unit in exactly one package, nothing else (a
    /// SKU not on the fulfillment, or more or fewer units than picked, is refused with nothing changed).
    /// </summary>
    public void Pack(IReadOnlyList<Package> packages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Require(FulfillmentStatus.Picked, "packed");
        var picked = PickedBySku();
        var packed = packages.SelectMany(p => p.Lines).GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var stranger = packed.Keys.FirstOrDefault(sku => !picked.ContainsKey(sku));
        if (stranger is not null)
        {
            throw new BusinessRuleViolationException("PackOnlyPickedLines", $"{stranger} is not on the {LocationCode} fulfillment of order {OrderNumber}.");
        }

        var mismatch = picked.Where(p => packed.GetValueOrDefault(p.Key) != p.Value).Select(p => $"{p.Key}: {packed.GetValueOrDefault(p.Key)} packed, {p.Value} picked").ToList();
        if (mismatch.Count > 0)
        {
            throw new BusinessRuleViolationException("PackWhatWasPicked", $"Every picked unit goes in exactly one package ({string.Join("; ", mismatch)}).");
        }

        _packages.AddRange(packages);
        MoveTo(FulfillmentStatus.Packed, now);
    }

    /// <summary>
    /// Its shipment left with the carrier: a packed fulfillment is Shipped, with the shipment it went in. Already shipped
    /// is a no-op (a repeated report); any other status is a conflict.
    /// </summary>
    public void MarkShipped(Guid shipmentId, DateTimeOffset now)
    {
        if (Status == FulfillmentStatus.Shipped)
        {
            return;
        }

        Require(FulfillmentStatus.Packed, "shipped by its carrier");
        ShipmentId = shipmentId;
        MoveTo(FulfillmentStatus.Shipped, now);
    }

    /// <summary>A dropship part: the purchase order its supplier ships against.</summary>
    public void AttachPurchaseOrder(Guid purchaseOrderId, DateTimeOffset now)
    {
        RequireDropship("bought from a supplier");
        PurchaseOrderId = purchaseOrderId;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// The supplier reported a dropship part shipped: Open goes straight to Shipped (the supplier picks and packs it, not
    /// us). Only a dropship fulfillment, and only an open one (a cancelled part is a conflict).
    /// </summary>
    public void MarkShippedBySupplier(DateTimeOffset now)
    {
        RequireDropship("shipped by a supplier");
        Require(FulfillmentStatus.Open, "shipped by its supplier");
        MoveTo(FulfillmentStatus.Shipped, now);
    }

    private void RequireDropship(string action)
    {
        if (Type != FulfillmentType.Dropship)
        {
            throw new ConflictException($"The {LocationCode} fulfillment of order {OrderNumber} is a {Type} one; only a Dropship one is {action}.");
        }
    }

    private void Require(FulfillmentStatus status, string action)
    {
        if (Status != status)
        {
            throw new ConflictException($"The {LocationCode} fulfillment of order {OrderNumber} is {Status}; only a {status} one can be {action}.");
        }
    }

    private void MoveTo(FulfillmentStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
    }

    public static Fulfillment Create(
        Guid orderId, string orderNumber, string locationCode, string originPostalCode, FulfillmentType type, IEnumerable<(int LineNumber, string Sku, int Quantity)> lines, DateTimeOffset now,
        string? reservationKey = null)
    {
        var fulfillment = new Fulfillment
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            OrderNumber = orderNumber,
            LocationCode = locationCode,
            OriginPostalCode = originPostalCode,
            ReservationKey = reservationKey,
            Type = type,
            Status = FulfillmentStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        fulfillment._lines.AddRange(lines.Select(l => new FulfillmentLine(fulfillment.Id, l.LineNumber, l.Sku, l.Quantity)));
        if (fulfillment._lines.Count == 0 || fulfillment._lines.Any(l => l.Quantity <= 0))
        {
            throw new BusinessRuleViolationException("FulfillmentNeedsLines", $"A fulfillment of order {orderNumber} at {locationCode} needs at least one line with a quantity.");
        }

        return fulfillment;
    }
}

/// <summary>Units of one order line a fulfillment ships, and how many were picked.</summary>
internal sealed class FulfillmentLine(Guid fulfillmentId, int lineNumber, string sku, int quantity)
{
    public Guid FulfillmentId { get; private set; } = fulfillmentId;

    public int LineNumber { get; private set; } = lineNumber;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;

    public int PickedQuantity { get; private set; }

    internal void Pick(int units) => PickedQuantity = units;
}
