namespace OrderHub.Modules.Inventory.Domain.Backorders;

internal enum BackorderStatus
{
    Waiting,
    Allocated,
    Cancelled,
}

/// <summary>
/// Demand waiting on expected supply (a backorder or pre-order). Allocated when stock arrives, by priority (higher
/// first) then request time, all or nothing, by reserving under <see cref="ReservationKey"/>. Status changes are
/// guarded updates (Waiting → Allocated / Cancelled), so a cancel racing an allocation cannot both apply.
/// </summary>
internal sealed class BackorderRequest
{
    private readonly List<BackorderLine> _lines = [];

    private BackorderRequest()
    {
    }

    public Guid Id { get; private set; }

    public string ReservationKey { get; private set; } = string.Empty;

    public string? OrderNumber { get; private set; }

    public string Channel { get; private set; } = string.Empty;

    public int Priority { get; private set; }

    public BackorderStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the last short SKU was expected at request time.</summary>
    public DateTimeOffset? ExpectedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? CloseReason { get; private set; }

    public IReadOnlyList<BackorderLine> Lines => _lines;

    public static BackorderRequest Create(
        string reservationKey, string? orderNumber, string channel, int priority, DateTimeOffset? expectedAt, IEnumerable<(string Sku, int Quantity)> lines, DateTimeOffset now)
    {
        var request = new BackorderRequest
        {
            Id = Guid.CreateVersion7(now),
            ReservationKey = reservationKey,
            OrderNumber = orderNumber,
            Channel = channel,
            Priority = priority,
            Status = BackorderStatus.Waiting,
            RequestedAt = now,
            ExpectedAt = expectedAt,
        };
        foreach (var (sku, quantity) in lines)
        {
            request._lines.Add(new BackorderLine(request.Id, sku, quantity));
        }

        return request;
    }
}

/// <summary>One SKU and quantity of a waiting request (the whole order line, not only the short part).</summary>
internal sealed class BackorderLine(Guid requestId, string sku, int quantity)
{
    public long Id { get; private set; }

    public Guid RequestId { get; private set; } = requestId;

    public string Sku { get; private set; } = sku;

    public int Quantity { get; private set; } = quantity;
}
