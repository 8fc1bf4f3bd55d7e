using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Inventory.Domain.Supply;

internal enum PurchaseOrderKind
{
    /// <summary>Bought from a supplier (or moved in from any location).</summary>
    Purchase,

    /// <summary>A future vintage release / pre-order: own production expected on a date.</summary>
    Release,
}

internal enum PurchaseOrderStatus
{
    /// <summary>Raised by the reorder check; not yet sent, not counted as expected supply for backorders.</summary>
    Draft,
    Open,
    PartiallyReceived,
    Received,
    Cancelled,
}

/// <summary>
/// Expected supply: lines of SKUs expected at a destination location on a date, from a supplier location (optional).
/// Receiving against it puts stock on hand through the normal receipt and moves it to PartiallyReceived / Received.
/// </summary>
internal sealed class PurchaseOrder
{
    private readonly List<PurchaseOrderLine> _lines = [];

    private PurchaseOrder()
    {
    }

    public Guid Id { get; private set; }

    public PurchaseOrderKind Kind { get; private set; }

    public PurchaseOrderStatus Status { get; private set; }

    public string? SupplierLocationCode { get; private set; }

    public string DestinationLocationCode { get; private set; } = string.Empty;

    public string? Reference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two receipts against one purchase order cannot both count the same units.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    /// <summary>Counts as expected supply (Open or PartiallyReceived).</summary>
    public bool IsOpen => Status is PurchaseOrderStatus.Open or PurchaseOrderStatus.PartiallyReceived;

    public static PurchaseOrder Create(
        PurchaseOrderKind kind, string? supplierLocationCode, string destinationLocationCode, string? reference, bool draft, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Status = draft ? PurchaseOrderStatus.Draft : PurchaseOrderStatus.Open,
            SupplierLocationCode = supplierLocationCode,
            DestinationLocationCode = destinationLocationCode,
            Reference = reference,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void AddLine(string sku, int quantity, DateTimeOffset expectedAt) =>
        _lines.Add(new PurchaseOrderLine(Id, _lines.Count + 1, sku, quantity, expectedAt));

    /// <summary>A draft becomes an open order (sent to the supplier): from now on it is expected supply.</summary>
    public void Submit(DateTimeOffset now)
    {
        if (Status != PurchaseOrderStatus.Draft)
        {
            throw new ConflictException($"Purchase order {Id} is {Status}; only a draft can be submitted.");
        }

        Status = PurchaseOrderStatus.Open;
        Touch(now);
    }

    /// <summary>Counts received units against a line; more than is still outstanding is refused (422).</summary>
    public PurchaseOrderLine Receive(string sku, int quantity, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"Purchase order {Id} is {Status}; only an open purchase order can be received.");
        }

        var line = _lines.Where(l => l.Sku == sku && l.Outstanding > 0).OrderBy(l => l.ExpectedAt).FirstOrDefault()
            ?? _lines.FirstOrDefault(l => l.Sku == sku)
            ?? throw new BusinessRuleViolationException("SkuMustBeOnPurchaseOrder", $"SKU '{sku}' is not on purchase order {Id}.");
        if (quantity > line.Outstanding)
        {
            throw new BusinessRuleViolationException(
                "ReceiptWithinPurchaseOrderLine",
                $"Receiving {quantity} x {sku} exceeds what is outstanding on purchase order {Id} line {line.LineNumber} ({line.Outstanding} of {line.Quantity}).");
        }

        line.AddReceived(quantity);
        Status = _lines.All(l => l.Outstanding == 0) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
        Touch(now);
        return line;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One SKU expected on a date; <see cref="ReceivedQuantity"/> grows with receipts up to <see cref="Quantity"/>.</summary>
internal sealed class PurchaseOrderLine
{
    private PurchaseOrderLine()
    {
    }

    public PurchaseOrderLine(Guid purchaseOrderId, int lineNumber, string sku, int quantity, DateTimeOffset expectedAt)
    {
        PurchaseOrderId = purchaseOrderId;
        LineNumber = lineNumber;
        Sku = sku;
        Quantity = quantity;
        ExpectedAt = expectedAt;
    }

    public Guid PurchaseOrderId { get; private set; }

    public int LineNumber { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public int ReceivedQuantity { get; private set; }

    public DateTimeOffset ExpectedAt { get; private set; }

    public int Outstanding => Quantity - ReceivedQuantity;

    internal void AddReceived(int quantity) => ReceivedQuantity += quantity;
}
