namespace OrderHub.Modules.Inventory.Domain.Idempotency;

/// <summary>Remembers the answer given to an <c>Idempotency-Key</c> of one operation, and the request it came with.</summary>
internal sealed class IdempotencyRecord(string key, string requestHash, string response, DateTimeOffset createdAt)
{
    /// <summary>"{operation}:{client key}".</summary>
    public string Key { get; private set; } = key;

    public string RequestHash { get; private set; } = requestHash;

    /// <summary>The JSON of the first answer.</summary>
    public string Response { get; private set; } = response;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
