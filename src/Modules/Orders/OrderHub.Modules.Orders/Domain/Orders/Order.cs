using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// A customer order. Every state change goes through <see cref="MoveTo"/> and appends to <see cref="Timeline"/>
/// with its actor and reason; illegal transitions are conflicts.
/// </summary>
internal sealed class Order
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

    /// <summary>How long a change may hold the order before another may take over (a gateway call can take 30 s).</summary>
    public static readonly TimeSpan ChangeLease = TimeSpan.FromMinutes(2);

    public bool IsBeingChanged(DateTimeOffset now) => ChangeLeaseUntil > now;

    /// <summary>
    /// Claims the order for one change. Saved at once: the version check makes exactly one of several concurrent
    /// claims win, before any stock, compliance or payment step runs; the losers are 409 with nothing done.
    /// </summary>
    public void StartChange(DateTimeOffset now)
    {
        EnsureNotBeingChanged(now);
        ChangeLeaseUntil = now + ChangeLease;
        Version++;
    }

    /// <summary>Ends the change (applied or abandoned); saved with its outcome.</summary>
    public void EndChange()
    {
        ChangeLeaseUntil = null;
        Version++;
    }

    private void EnsureNotBeingChanged(DateTimeOffset now)
    {
        if (IsBeingChanged(now))
        {
            throw new ConflictException($"Order {Number} is being changed by another request; nothing was done, retry in a few seconds.");
        }
    }

    /// <summary>A date of birth or phone given after the order was placed (the way out of an age hold).</summary>
    public void UpdateCustomer(DateOnly? dateOfBirth, string? phone, string actor, DateTimeOffset now)
    {
        var details = new List<string>();
        if (dateOfBirth is { } dob && dob != Customer.DateOfBirth)
        {
            details.Add("date of birth given");
        }

        if (phone is not null && phone != Customer.Phone)
        {
            details.Add("phone changed");
        }

        if (details.Count == 0)
        {
            return;
        }

        Customer = Customer with { DateOfBirth = dateOfBirth ?? Customer.DateOfBirth, Phone = phone ?? Customer.Phone };
        Record(now, "CustomerUpdated", string.Join("; ", details), actor);
    }

    /// <summary>A new card for the order (the way out of a declined payment); the next authorization uses it.</summary>
    public void ReplacePaymentToken(string token, string actor, DateTimeOffset now)
    {
        PaymentToken = token;
        Record(now, "PaymentMethodChanged", "A new card was given for the order", actor);
    }

    public bool HasActiveHold(HoldType type) => ActiveHolds.Any(h => h.Type == type);

    /// <summary>True while a hold of the rule named <paramref name="ruleName"/> (a <see cref="HoldRule"/>'s) is active.</summary>
    public bool IsHeldBy(string ruleName) => ActiveHolds.Any(h => h.Rule == ruleName);

    public void PlaceHold(HoldRule rule, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (ActiveHolds.Any(h => h.Type == rule.Type && h.Reason == rule.Reason))
        {
            return; // the same cause is already held
        }

        MoveTo(OrderStatus.OnHold, actor, now, "HoldPlaced", $"{rule.Type} hold: {rule.Reason}");
        _holds.Add(new OrderHold(Id, rule.Type, rule.Reason, rule.Name.Length == 0 ? null : rule.Name, actor, now));
    }

    /// <summary>Releases every active hold of the type. The placement flow then resumes from where it stopped.</summary>
    public void ReleaseHold(HoldType type, string reason, string actor, DateTimeOffset now)
    {
        EnsureNotBeingChanged(now);
        var holds = ActiveHolds.Where(h => h.Type == type).ToList();
        if (holds.Count == 0)
        {
            throw new ConflictException($"Order {Number} has no active {type} hold.");
        }

        foreach (var hold in holds)
        {
            hold.Release(reason, actor, now);
        }

        Record(now, "HoldReleased", $"{type} hold released: {reason}", actor);
        if (!ActiveHolds.Any())
        {
            MoveTo(OrderStatus.Received, actor, now, "Resumed", "No holds left; placement resumes");
        }
    }

    /// <summary>
    /// Stock is short but expected supply covers it: the order waits in Backordered (timeline names the expected date)
    /// on an Inventory hold of the <see cref="BackorderedRule"/>, until Inventory allocates the stock.
    /// </summary>
    public void MarkBackordered(string shortages, DateTimeOffset expectedAt, string actor, DateTimeOffset now)
    {
        if (IsHeldBy(BackorderedRule.RuleName))
        {
            return; // already waiting
        }

        var expected = expectedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rule = new BackorderedRule(expected, shortages);
        MoveTo(OrderStatus.Backordered, actor, now, "Backordered", $"Waiting on expected supply, expected by {expected}: {shortages}");
        _holds.Add(new OrderHold(Id, rule.Type, rule.Reason, rule.Name, actor, now));
    }

    /// <summary>
    /// Inventory allocated the backordered stock: the backorder hold is released and, with no other hold left, the order
    /// is Received again so placement resumes. False when the order was not waiting on a backorder (e.g. cancelled).
    /// </summary>
    public bool LeaveBackorder(string detail, string actor, DateTimeOffset now)
    {
        var holds = ActiveHolds.Where(h => h.Rule == BackorderedRule.RuleName).ToList();
        if (holds.Count == 0)
        {
            return false;
        }

        foreach (var hold in holds)
        {
            hold.Release(detail, actor, now);
        }

        if (ActiveHolds.Any())
        {
            Record(now, "BackorderAllocated", detail, actor);
        }
        else
        {
            MoveTo(OrderStatus.Received, actor, now, "BackorderAllocated", $"{detail}; placement resumes");
        }

        return true;
    }

    public void MarkStockReserved(string detail, DateTimeOffset now)
    {
        StockReserved = true;
        Record(now, "StockReserved", detail, "system:inventory");
    }

    public void MarkStockReleased(string detail, DateTimeOffset now)
    {
        StockReserved = false;
        Record(now, "StockReleased", detail, "system:inventory");
    }

    /// <summary>The next compliance decision key's sequence number.</summary>
    public int StartComplianceCheck() => ++ComplianceChecks;

    /// <summary>The next authorization key's sequence number.</summary>
    public int StartPaymentAttempt() => ++PaymentAttempts;

    public void MarkComplianceApproved(Guid decisionId, bool adultSignature, string detail, DateTimeOffset now)
    {
        ComplianceDecisionId = decisionId;
        AdultSignatureRequired = adultSignature;
        Record(now, "ComplianceApproved", detail, "system:compliance");
    }

    public void MarkPaymentAuthorized(decimal amount, string detail, DateTimeOffset now)
    {
        AuthorizedAmount += amount;
        Record(now, "PaymentAuthorized", detail, "system:payments");
    }

    public void MarkPaymentReleased(decimal amount, string detail, DateTimeOffset now)
    {
        AuthorizedAmount -= amount;
        Record(now, "PaymentReleased", detail, "system:payments");
    }

    public bool IsFullyAuthorized => Total == 0 || AuthorizedAmount >= Total;

    /// <summary>The first placement step this order has not done yet.</summary>
    public PlacementStep NextPlacementStep =>
        !StockReserved ? PlacementStep.ReserveStock
        : ComplianceDecisionId is null ? PlacementStep.DecideCompliance
        : !IsFullyAuthorized ? PlacementStep.AuthorizePayment
        : PlacementStep.Complete;

    /// <summary>True once, after the order (re-)entered Received: the caller schedules its placement.</summary>
    public bool TakePlacementDue()
    {
        var due = _placementDue;
        _placementDue = false;
        return due;
    }

    /// <summary>
    /// Received with no hold: a placement is running (or a crashed one waits for its outbox step). Its compliance and
    /// authorization are taken for the order as it is, so a change or merge now would be decided on the old lines.
    /// </summary>
    public bool IsBeingPlaced => Status == OrderStatus.Received && !ActiveHolds.Any();

    public void MarkReadyToFulfill(string actor, DateTimeOffset now)
    {
        if (ActiveHolds.Any())
        {
            throw new ConflictException($"Order {Number} still has holds.");
        }

        MoveTo(OrderStatus.ReadyToFulfill, actor, now, "ReadyToFulfill", "Stock reserved, compliance approved, payment authorized");
    }

    /// <summary>
    /// A carry-out sale handed over at the counter (API.md, "Completing a sale"): paid and ready, it is Delivered at
    /// once; the caller announces it so Inventory commits the stock and Payments captures the total.
    /// </summary>
    public void HandOver(string actor, DateTimeOffset now)
    {
        if (!IsCarryOut)
        {
            throw new ConflictException($"Order {Number} ships; only a carry-out order is handed over at the counter.");
        }

        MoveTo(OrderStatus.Delivered, actor, now, "HandedOver", "Carried out at the counter: stock committed, payment captured");
    }

    public void StartPicking(string actor, DateTimeOffset now) => MoveTo(OrderStatus.Picking, actor, now, "PickingStarted", "Pick list released to the warehouse");

    public void MarkPacked(string actor, DateTimeOffset now) => MoveTo(OrderStatus.Packed, actor, now, "Packed", "All lines packed");

    /// <summary>Ships the given line numbers; the order is Shipped when every live line has gone.</summary>
    public void Ship(IReadOnlyCollection<int> lineNumbers, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lineNumbers);
        var live = _lines.Where(l => l.Status != OrderStatus.Cancelled).ToList();
        foreach (var line in live.Where(l => lineNumbers.Contains(l.LineNumber)))
        {
            line.MoveTo(OrderStatus.Shipped);
        }

        var all = live.All(l => l.Status == OrderStatus.Shipped);
        MoveTo(all ? OrderStatus.Shipped : OrderStatus.PartiallyShipped, actor, now, "Shipped",
            $"Shipped line(s) {string.Join(", ", lineNumbers)}", moveLines: false);
    }

    /// <summary>The carrier delivered: only a shipped order (a carry-out is <see cref="HandOver"/>ed instead).</summary>
    public void MarkDelivered(string actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Shipped or OrderStatus.PartiallyShipped))
        {
            throw new ConflictException($"Order {Number} is {Status}; only a shipped order is delivered by its carrier.");
        }

        MoveTo(OrderStatus.Delivered, actor, now, "Delivered", "Carrier confirmed delivery");
    }

    /// <summary>Cancels before shipment (409 after). Cancelling a cancelled order changes nothing.</summary>
    public bool Cancel(string reason, string actor, DateTimeOffset now)
    {
        if (Status == OrderStatus.Cancelled)
        {
            return false;
        }

        if (!OrderTransitions.IsBeforeShipment(Status))
        {
            throw new ConflictException($"Order {Number} is {Status}; only orders not yet shipped can be cancelled.");
        }

        EnsureNotBeingChanged(now);

        MoveTo(OrderStatus.Cancelled, actor, now, "Cancelled", reason);
        foreach (var hold in ActiveHolds.ToList())
        {
            hold.Release("Order cancelled", actor, now);
        }

        return true;
    }

    public void MergeInto(Order target, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureNotBeingChanged(now);
        MergedIntoOrderId = target.Id;
        MoveTo(OrderStatus.Cancelled, actor, now, "Merged", $"Merged into {target.Number} to ship together");
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

    /// <summary>Applies an accepted change (stock, compliance and payment already agreed): new lines, address and charges.</summary>
    public void ApplyChange(IReadOnlyList<PricedLine> lines, Address shippingAddress, decimal shipping, decimal tax, string reason, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!OrderTransitions.IsBeforePicking(Status))
        {
            throw new ConflictException($"Order {Number} is {Status}; lines and address can change only before picking.");
        }

        var before = $"{string.Join(", ", _lines.Select(l => $"{l.Quantity} x {l.Sku}"))}, total {Total:0.00}";
        var nextNumber = _lines.Count == 0 ? 1 : _lines.Max(l => l.LineNumber) + 1;
        _lines.Clear();
        foreach (var line in lines)
        {
            _lines.Add(new OrderLine(Id, nextNumber++, line));
        }

        ShippingAddress = shippingAddress;
        SetCharges(shipping, tax);
        var after = $"{string.Join(", ", _lines.Select(l => $"{l.Quantity} x {l.Sku}"))}, total {Total:0.00}";
        Record(now, "Changed", $"{reason}: {before} → {after}", actor);
    }
}

/// <summary>Everything needed to receive an order (already validated and priced).</summary>
internal sealed record ReceiveOrder(
    string Number,
    OrderChannel Channel,
    string? ExternalReference,
    Customer Customer,
    Address ShippingAddress,
    Address? BillingAddress,
    ShippingService ShippingService,
    string? PaymentToken,
    string Currency,
    IReadOnlyList<PricedLine> Lines,
    decimal ShippingCharge,
    decimal Tax);

/// <summary>A line as priced from the catalog at placement; alcohol and bottle size are kept as facts of the sale.</summary>
internal sealed record PricedLine(string Sku, int Quantity, decimal UnitPrice, bool IsAlcohol = false, int VolumeMl = 0);

internal sealed record Customer(string Email, string FirstName, string LastName, DateOnly? DateOfBirth, string? Phone)
{
    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(Guid orderId, int lineNumber, PricedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        OrderId = orderId;
        LineNumber = lineNumber;
        Sku = line.Sku;
        Quantity = line.Quantity;
        UnitPrice = line.UnitPrice;
        IsAlcohol = line.IsAlcohol;
        VolumeMl = line.VolumeMl;
    }

    public Guid OrderId { get; private set; }

    public int LineNumber { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public bool IsAlcohol { get; private set; }

    /// <summary>Bottle size in ml (0 for goods that are not wine).</summary>
    public int VolumeMl { get; private set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Received;

    public PricedLine AsPriced() => new(Sku, Quantity, UnitPrice, IsAlcohol, VolumeMl);

    internal void MoveTo(OrderStatus status) => Status = status;
}

internal sealed class OrderHold(Guid orderId, HoldType type, string reason, string? rule, string placedBy, DateTimeOffset placedAt)
{
    public long Id { get; private set; }

    public Guid OrderId { get; private set; } = orderId;

    public HoldType Type { get; private set; } = type;

    public string Reason { get; private set; } = reason;

    /// <summary>The business rule that caused it, e.g. "VolumeLimitExceeded".</summary>
    public string? Rule { get; private set; } = rule;

    public string PlacedBy { get; private set; } = placedBy;

    public DateTimeOffset PlacedAt { get; private set; } = placedAt;

    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? ReleasedBy { get; private set; }

    public string? ReleaseReason { get; private set; }

    internal void Release(string reason, string actor, DateTimeOffset now)
    {
        ReleasedAt = now;
        ReleasedBy = actor;
        ReleaseReason = reason;
    }
}

internal sealed class TimelineEntry(Guid orderId, DateTimeOffset at, string @event, string detail, string actor)
{
    public long Id { get; private set; }

    public Guid OrderId { get; private set; } = orderId;

    public DateTimeOffset At { get; private set; } = at;

    public string Event { get; private set; } = @event;

    public string Detail { get; private set; } = detail;

    public string Actor { get; private set; } = actor;
}
