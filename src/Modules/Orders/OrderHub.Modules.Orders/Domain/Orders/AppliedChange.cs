namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// A change (or consolidation) applied to an order under a client's key, saved with the change itself. The key is the
/// change's identity, not only a replay key: its stock, compliance and payment steps in other modules are keyed by it,
/// and the order's change lease is its claim, so it is recorded here rather than by the idempotency pipeline.
/// </summary>
internal sealed class AppliedChange(string key, string requestHash, Guid orderId, DateTimeOffset createdAt)
{
    public string Key { get; private set; } = key;

    public string RequestHash { get; private set; } = requestHash;

    public Guid OrderId { get; private set; } = orderId;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
