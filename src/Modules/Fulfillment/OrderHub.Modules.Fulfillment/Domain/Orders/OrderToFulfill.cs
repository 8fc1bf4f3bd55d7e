using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Fulfillment.Domain.Orders;

/// <summary>
/// An order Orders made ReadyToFulfill, as Fulfillment keeps it: who it goes to, how, and which lines; the stock held
/// for it under <see cref="StockReservationKey"/>. Sourcing turns it into fulfillments, one per ship-from location.
/// </summary>
internal sealed class OrderToFulfill
{
    private readonly List<LineToFulfill> _lines = [];

    private OrderToFulfill()
    {
    }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public string Channel { get; private set; } = string.Empty;

    public string StockReservationKey { get; private set; } = string.Empty;

    public string RecipientName { get; private set; } = string.Empty;

    public Address ShipTo { get; private set; } = null!;

    public string ShippingService { get; private set; } = string.Empty;

    public bool AdultSignatureRequired { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset ReadyAt { get; private set; }

    public IReadOnlyList<LineToFulfill> Lines => _lines;

    public static OrderToFulfill Receive(ReadyOrder ready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var order = new OrderToFulfill
        {
            OrderId = ready.OrderId,
            OrderNumber = ready.OrderNumber,
            Channel = ready.Channel,
            StockReservationKey = ready.StockReservationKey,
            RecipientName = ready.RecipientName,
            ShipTo = ready.ShipTo,
            ShippingService = ready.ShippingService,
            AdultSignatureRequired = ready.AdultSignatureRequired,
            PlacedAt = ready.PlacedAt,
            ReadyAt = now,
        };
        order._lines.AddRange(ready.Lines.Select(l => new LineToFulfill(ready.OrderId, l.LineNumber, l.Sku, l.Quantity)));
        return order;
    }
}

/// <summary>What Orders said about the order when it became ready (the integration event, in the module's own terms).</summary>
internal sealed record ReadyOrder(
    Guid OrderId,
    string OrderNumber,
    string Channel,
    string StockReservationKey,
    string RecipientName,
    Address ShipTo,
    string ShippingService,
    bool AdultSignatureRequired,
    DateTimeOffset PlacedAt,
    IReadOnlyList<(int LineNumber, string Sku, int Quantity)> Lines);

/// <summary>One order line to ship, by its number on the order.</summary>
internal sealed class LineToFulfill(Guid orderId, int lineNumber, string sku, int quantity)
{
    public Guid OrderId { get; private set; } = orderId;

    public int LineNumber { get; private set; } = lineNumber;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;
}
