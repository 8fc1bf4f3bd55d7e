namespace OrderHub.Modules.Orders.Domain.Orders;

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

    /// <summary>Units that have left with a carrier (a line may ship in parts: a split or a short pick sourced again).</summary>
    public int ShippedQuantity { get; private set; }

    public PricedLine AsPriced() => new(Sku, Quantity, UnitPrice, IsAlcohol, VolumeMl);

    internal void MoveTo(OrderStatus status) => Status = status;

    internal void RecordShipped(int units) => ShippedQuantity = Math.Min(Quantity, ShippedQuantity + units);
}
