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

    /// <summary>Optimistic concurrency: two pickers confirming at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<FulfillmentLine> Lines => _lines;

    /// <summary>True while nothing has been picked for it: it may still be cancelled or re-sourced.</summary>
    public bool IsOpen => Status == FulfillmentStatus.Open;

    /// <summary>The order was cancelled or changed before picking: this part will not ship from here.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"The {LocationCode} fulfillment of order {OrderNumber} is {Status}; only an open one can be cancelled.");
        }

        Status = FulfillmentStatus.Cancelled;
        UpdatedAt = now;
        Version++;
    }

    public static Fulfillment Create(
        Guid orderId, string orderNumber, string locationCode, FulfillmentType type, IEnumerable<(int LineNumber, string Sku, int Quantity)> lines, DateTimeOffset now)
    {
        var fulfillment = new Fulfillment
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            OrderNumber = orderNumber,
            LocationCode = locationCode,
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
}
