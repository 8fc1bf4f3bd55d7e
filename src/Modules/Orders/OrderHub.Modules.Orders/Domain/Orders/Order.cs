using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>A customer order. Every state change appends to <see cref="Timeline"/> with its actor.</summary>
internal sealed class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<TimelineEntry> _timeline = [];

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

    public string Currency { get; private set; } = "USD";

    public DateTimeOffset PlacedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public static Order Receive(
        string number, OrderChannel channel, string? externalReference, Customer customer, Address shippingAddress,
        IEnumerable<(string Sku, int Quantity)> lines, string actor, DateTimeOffset now)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Status = OrderStatus.Received,
            Channel = channel,
            ExternalReference = externalReference,
            Customer = customer,
            ShippingAddress = shippingAddress,
            PlacedAt = now,
        };
        foreach (var (sku, quantity) in lines)
        {
            order._lines.Add(new OrderLine(order.Id, order._lines.Count + 1, sku, quantity));
        }

        order._timeline.Add(new TimelineEntry(order.Id, now, "Received", $"Order received via {channel} with {order._lines.Count} line(s)", actor));
        return order;
    }
}

internal sealed record Customer(string Email, string FirstName, string LastName, DateOnly? DateOfBirth, string? Phone)
{
    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class OrderLine(Guid orderId, int lineNumber, string sku, int quantity)
{
    public Guid OrderId { get; private set; } = orderId;

    public int LineNumber { get; private set; } = lineNumber;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;

    public OrderStatus Status { get; private set; } = OrderStatus.Received;
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
