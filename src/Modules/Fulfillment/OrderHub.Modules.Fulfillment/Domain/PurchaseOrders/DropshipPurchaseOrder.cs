using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

internal enum DropshipPurchaseOrderStatus
{
    /// <summary>Issued and handed to the supplier port; delivery is retried until the supplier acknowledges it.</summary>
    Sent,

    /// <summary>The supplier took it (its reference is kept).</summary>
    Acknowledged,

    /// <summary>The supplier reported it shipped, with a carrier and a tracking number.</summary>
    Shipped,

    /// <summary>The supplier refused it; staff must act (another supplier, or cancel the part).</summary>
    Failed,
}

/// <summary>
/// What the winery buys from a supplier who ships one dropship fulfillment straight to the consumer: made once per
/// fulfillment when it is sourced to a supplier location, sent through the supplier port, and shipped when the supplier
/// reports a tracking number. Its ids are Fulfillment's own (Inventory's replenishment purchase orders are another thing).
/// </summary>
internal sealed class DropshipPurchaseOrder
{
    private readonly List<DropshipPurchaseOrderLine> _lines = [];

    private DropshipPurchaseOrder()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>DS-000001, DS-000002, …: what the supplier quotes back.</summary>
    public string Number { get; private set; } = string.Empty;

    public string SupplierCode { get; private set; } = string.Empty;

    public string SupplierName { get; private set; } = string.Empty;

    /// <summary>Where the supplier ships from (region and postal code, as Inventory knows the location).</summary>
    public string SupplierRegion { get; private set; } = string.Empty;

    public string SupplierPostalCode { get; private set; } = string.Empty;

    public Guid FulfillmentId { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public string RecipientName { get; private set; } = string.Empty;

    public Address ShipTo { get; private set; } = null!;

    public string ShippingService { get; private set; } = string.Empty;

    public bool AdultSignatureRequired { get; private set; }

    public DropshipPurchaseOrderStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public string? AcknowledgementReference { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? FailureReason { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTimeOffset? ShippedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two shipment reports at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DropshipPurchaseOrderLine> Lines => _lines;

    public static string NumberFor(long sequence) => $"DS-{sequence:000000}";

    public static DropshipPurchaseOrder Issue(
        long sequence, (string Code, string Name, string Region, string PostalCode) supplier, Guid fulfillmentId, Guid orderId, string orderNumber, string recipientName, Address shipTo,
        string shippingService, bool adultSignatureRequired, IEnumerable<(int LineNumber, string Sku, int Quantity)> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = new DropshipPurchaseOrder
        {
            Id = Guid.CreateVersion7(now),
            Number = NumberFor(sequence),
            SupplierCode = supplier.Code,
            SupplierName = supplier.Name,
            SupplierRegion = supplier.Region,
            SupplierPostalCode = supplier.PostalCode,
            FulfillmentId = fulfillmentId,
            OrderId = orderId,
            OrderNumber = orderNumber,
            RecipientName = recipientName,
            ShipTo = shipTo,
            ShippingService = shippingService,
            AdultSignatureRequired = adultSignatureRequired,
            Status = DropshipPurchaseOrderStatus.Sent,
            SentAt = now,
            UpdatedAt = now,
        };
        order._lines.AddRange(lines.Select(l => new DropshipPurchaseOrderLine(order.Id, l.LineNumber, l.Sku, l.Quantity)));
        if (order._lines.Count == 0 || order._lines.Any(l => l.Quantity <= 0))
        {
            throw new BusinessRuleViolationException("PurchaseOrderNeedsLines", $"A purchase order to {supplier.Code} for order {orderNumber} needs at least one line with a quantity.");
        }

        return order;
    }

    /// <summary>True while the supplier has not answered it: sending it (again) is due.</summary>
    public bool AwaitsAcknowledgement => Status == DropshipPurchaseOrderStatus.Sent;

    /// <summary>The supplier took it under <paramref name="reference"/>. A later acknowledgement (a resend) changes nothing.</summary>
    public void Acknowledge(string reference, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (Status != DropshipPurchaseOrderStatus.Sent)
        {
            return;
        }

        AcknowledgementReference = reference;
        AcknowledgedAt = now;
        MoveTo(DropshipPurchaseOrderStatus.Acknowledged, now);
    }

    /// <summary>The supplier refused it for good: kept with the reason, never resent by itself.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        if (Status != DropshipPurchaseOrderStatus.Sent)
        {
            return;
        }

        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        MoveTo(DropshipPurchaseOrderStatus.Failed, now);
    }

    /// <summary>
    /// The supplier shipped it (from Sent too: the goods may leave before the acknowledgement arrives). True when this
    /// report shipped it; false when it had already shipped under the same tracking number (a repeated report); another
    /// tracking number for a shipped order, or a failed order, is a conflict.
    /// </summary>
    public bool MarkShipped(string carrier, string trackingNumber, DateTimeOffset shippedAt, DateTimeOffset now)
    {
        if (Status == DropshipPurchaseOrderStatus.Shipped)
        {
            if (string.Equals(TrackingNumber, trackingNumber, StringComparison.Ordinal) && string.Equals(Carrier, carrier, StringComparison.Ordinal))
            {
                return false;
            }

            throw new ConflictException($"Purchase order {Number} already shipped with {Carrier} {TrackingNumber}.");
        }

        if (Status == DropshipPurchaseOrderStatus.Failed)
        {
            throw new ConflictException($"Purchase order {Number} was refused by {SupplierCode} ({FailureReason}); it cannot ship.");
        }

        Carrier = carrier;
        TrackingNumber = trackingNumber;
        ShippedAt = shippedAt;
        MoveTo(DropshipPurchaseOrderStatus.Shipped, now);
        return true;
    }

    private void MoveTo(DropshipPurchaseOrderStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Units of one order line the supplier ships (the order's line number kept).</summary>
internal sealed class DropshipPurchaseOrderLine(Guid purchaseOrderId, int lineNumber, string sku, int quantity)
{
    public Guid PurchaseOrderId { get; private set; } = purchaseOrderId;

    public int LineNumber { get; private set; } = lineNumber;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;
}
