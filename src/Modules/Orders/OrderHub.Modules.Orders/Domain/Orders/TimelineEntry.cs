namespace OrderHub.Modules.Orders.Domain.Orders;

internal sealed class TimelineEntry(Guid orderId, DateTimeOffset at, string @event, string detail, string actor)
{
    public long Id { get; private set; }

    public Guid OrderId { get; private set; } = orderId;

    public DateTimeOffset At { get; private set; } = at;

    public string Event { get; private set; } = @event;

    public string Detail { get; private set; } = detail;

    public string Actor { get; private set; } = actor;
}
