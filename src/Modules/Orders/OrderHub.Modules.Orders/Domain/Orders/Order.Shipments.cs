namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Following the order's shipments: labels, departures (the sale completes), deliveries.</summary>
internal sealed partial class Order
{
    private readonly List<OrderShipment> _shipments = [];

    public IReadOnlyList<OrderShipment> Shipments => _shipments;

    /// <summary>What the order's departed shipments captured so far; it reaches <see cref="Total"/> when the last leaves.</summary>
    public decimal CapturedAmount { get; private set; }

    /// <summary>
    /// A shipment's status changed (its label, or a carrier scan): it is on the order and its timeline. The first time it
    /// has left, its lines ship and the order moves to PartiallyShipped or Shipped; the answer is then the share of the
    /// total to capture for it (<see cref="ShareOfTotal"/>); otherwise null. Once every shipment of a shipped order is
    /// delivered, the order is Delivered. A repeated or late report changes nothing it has already recorded.
    /// </summary>
    public decimal? FollowShipment(ShipmentReport report, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shipment = _shipments.SingleOrDefault(s => s.ShipmentId == report.ShipmentId);
        if (shipment is null)
        {
            shipment = new OrderShipment(Id, report.ShipmentId, report.FulfillmentId);
            _shipments.Add(shipment);
        }

        shipment.Update(report.Carrier, report.Service, report.TrackingNumber, report.Status, report.EstimatedDelivery);
        Record(now, TimelineEventOf(report.Status), $"{report.Carrier} {report.Service} {report.TrackingNumber}: {report.Description ?? report.Status}", actor);

        decimal? capture = null;
        if (report.HasLeft && shipment.DepartedAt is null)
        {
            capture = Depart(shipment, report, actor, now);
        }

        if (Status == OrderStatus.Shipped && _shipments.Count > 0 && _shipments.All(s => s.IsDelivered))
        {
            MoveTo(OrderStatus.Delivered, actor, now, "Delivered", $"Carrier confirmed delivery of all {_shipments.Count} shipment(s)");
        }

        return capture;
    }

    /// <summary>
    /// The part of the total a departing shipment pays: its lines' share of the subtotal, applied to the total (shipping
    /// and tax included), to the cent; the departure that ships the last unit takes whatever is left, so the captures sum
    /// to the total exactly.
    /// </summary>
    public decimal ShareOfTotal(IReadOnlyCollection<(int LineNumber, int Quantity)> departing, bool isLast)
    {
        ArgumentNullException.ThrowIfNull(departing);
        if (isLast)
        {
            return Total - CapturedAmount;
        }

        var value = departing.Sum(d => d.Quantity * (_lines.SingleOrDefault(l => l.LineNumber == d.LineNumber)?.UnitPrice ?? 0m));
        var share = Subtotal == 0 ? 0m : Math.Round(Total * value / Subtotal, 2, MidpointRounding.ToEven);
        return Math.Min(share, Total - CapturedAmount);
    }

    private decimal Depart(OrderShipment shipment, ShipmentReport report, string actor, DateTimeOffset now)
    {
        var live = _lines.Where(l => l.Status != OrderStatus.Cancelled).ToList();
        foreach (var (lineNumber, quantity) in report.Lines)
        {
            live.SingleOrDefault(l => l.LineNumber == lineNumber)?.RecordShipped(quantity);
        }

        var allGone = live.All(l => l.ShippedQuantity >= l.Quantity);
        var share = ShareOfTotal(report.Lines, allGone);
        CapturedAmount += share;
        shipment.Depart(report.At, share);
        foreach (var line in live.Where(l => l.ShippedQuantity >= l.Quantity))
        {
            line.MoveTo(OrderStatus.Shipped);
        }

        MoveTo(allGone ? OrderStatus.Shipped : OrderStatus.PartiallyShipped, actor, now, "Shipped",
            $"{report.Carrier} {report.TrackingNumber} left with line(s) {string.Join(", ", report.Lines.Select(l => $"{l.LineNumber} x{l.Quantity}"))}; capturing {share:0.00} {Currency}",
            moveLines: false);
        return share;
    }

    private static string TimelineEventOf(string status) => status switch
    {
        "LabelCreated" => "LabelCreated",
        "InTransit" => "InTransit",
        "OutForDelivery" => "OutForDelivery",
        "Delivered" => "ShipmentDelivered",
        "Exception" => "ShipmentException",
        "ReturnedToSender" => "ReturnedToSender",
        "Voided" => "LabelVoided",
        _ => "ShipmentUpdated",
    };
}

/// <summary>What Shipping reported about one of the order's shipments (the integration event, in Orders' terms).</summary>
internal sealed record ShipmentReport(
    Guid ShipmentId,
    Guid FulfillmentId,
    string Carrier,
    string Service,
    string TrackingNumber,
    string Status,
    bool HasLeft,
    DateTimeOffset At,
    DateOnly? EstimatedDelivery,
    string? Description,
    IReadOnlyList<(int LineNumber, int Quantity)> Lines);
