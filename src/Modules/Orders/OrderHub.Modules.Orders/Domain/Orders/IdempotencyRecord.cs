namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Remembers which order an <c>Idempotency-Key</c> created, and the request it came with.</summary>
internal sealed class IdempotencyRecord(string key, string requestHash, Guid orderId, DateTimeOffset createdAt)
{
    public string Key { get; private set; } = key;

    public string RequestHash { get; private set; } = requestHash;

    public Guid OrderId { get; private set; } = orderId;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
