namespace OrderHub.Modules.Orders.Domain.Orders;

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
