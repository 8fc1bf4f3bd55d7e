using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// A customer order. Every state change goes through <see cref="MoveTo"/> and appends to <see cref="Timeline"/>
/// with its actor and reason; illegal transitions are conflicts.
/// </summary>
internal sealed partial class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<OrderHold> _holds = [];

    /// <summary>
    /// Set when the order (re-)enters Received: its placement must run. Not stored on the order: the Orders context
    /// writes it as the next step of the order's process to the outbox, in the same save (OrdersDbContext).
    /// </summary>
    private bool _placementDue;

    private Order()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Readable aloud: "OH-100001".</summary>
    public string Number { get; private set; } = string.Empty;

    public OrderStatus Status { get; private set; }

    public OrderChannel Channel { get; private set; }

    public string? ExternalReference { get; private set; }

    public Customer Customer { get; private set; } = null!;

    public Address ShippingAddress { get; private set; } = null!;

    public Address? BillingAddress { get; private set; }

    public ShippingService ShippingService { get; private set; }

    /// <summary>The card token the payment step authorizes with (kept so a released Payment hold can retry).</summary>
    public string? PaymentToken { get; private set; }

    public string Currency { get; private set; } = "USD";

    public decimal Subtotal { get; private set; }

    public decimal ShippingCharge { get; private set; }

    public decimal Tax { get; private set; }

    public decimal Total { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two staff edits of one order cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>Placement progress, so each step runs once even when the flow is resumed.</summary>
    public bool StockReserved { get; private set; }

    public Guid? ComplianceDecisionId { get; private set; }

    public bool AdultSignatureRequired { get; private set; }

    public decimal AuthorizedAmount { get; private set; }

    /// <summary>Compliance checks run so far (each re-check after an edit gets a new decision key).</summary>
    public int ComplianceChecks { get; private set; }

    /// <summary>Authorization attempts so far (a released Payment hold tries again with a new key).</summary>
    public int PaymentAttempts { get; private set; }

    /// <summary>
    /// While set and in the future, one change holds the order (<see cref="StartChange"/>): other changes, cancels and
    /// hold releases are 409 until it ends, so the stock, compliance and payment steps of two edits never interleave.
    /// A host that dies mid-change leaves it to expire.
    /// </summary>
    public DateTimeOffset? ChangeLeaseUntil { get; private set; }

    /// <summary>Set when this order was merged into another (consolidation); the original stays traceable.</summary>
    public Guid? MergedIntoOrderId { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<OrderHold> Holds => _holds;

    public IEnumerable<OrderHold> ActiveHolds => _holds.Where(h => h.ReleasedAt is null);

    public bool IsCarryOut => ShippingService == ShippingService.Pickup;

    /// <summary>A replacement staff sent at no charge for a shipped order (<see cref="ReshipReferences"/>).</summary>
    public bool IsReplacement => ReshipReferences.OriginalNumberOf(ExternalReference) is not null;

    public static Order Receive(ReceiveOrder data, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            Number = data.Number,
            Status = OrderStatus.Received,
            Channel = data.Channel,
            ExternalReference = data.ExternalReference,
            Customer = data.Customer,
            ShippingAddress = data.ShippingAddress,
            BillingAddress = data.BillingAddress,
            ShippingService = data.ShippingService,
            PaymentToken = data.PaymentToken,
            Currency = data.Currency,
            PlacedAt = now,
            UpdatedAt = now,
        };
        foreach (var line in data.Lines)
        {
            order._lines.Add(new OrderLine(order.Id, order._lines.Count + 1, line));
        }

        order.SetCharges(data.ShippingCharge, data.Tax);
        order._placementDue = true;
        order.Record(now, "Received", $"Order received via {data.Channel} with {order._lines.Count} line(s), total {order.Total:0.00} {order.Currency}", actor);
        return order;
    }

    /// <summary>Shipping and tax as priced at placement or after an edit; the total always equals the parts.</summary>
    public void SetCharges(decimal shipping, decimal tax)
    {
        Subtotal = _lines.Where(l => l.Status != OrderStatus.Cancelled).Sum(l => l.Quantity * l.UnitPrice);
        ShippingCharge = shipping;
        Tax = tax;
        Total = Subtotal + ShippingCharge + Tax;
    }

    /// <summary>The one way to change status: checks the transition, moves live lines along, records the timeline.</summary>
    internal void MoveTo(OrderStatus to, string actor, DateTimeOffset now, string @event, string detail, bool moveLines = true)
    {
        if (to != Status)
        {
            OrderTransitions.EnsureCanMove(Number, Status, to);
            _placementDue |= to == OrderStatus.Received;
        }

        Status = to;
        if (moveLines)
        {
            foreach (var line in _lines.Where(l => l.Status != OrderStatus.Cancelled || to == OrderStatus.Cancelled))
            {
                line.MoveTo(to);
            }
        }

        Record(now, @event, detail, actor);
    }

    internal void Record(DateTimeOffset now, string @event, string detail, string actor)
    {
        _timeline.Add(new TimelineEntry(Id, now, @event, detail, actor));
        UpdatedAt = now;
        Version++;
    }
}
