namespace OrderHub.Modules.Inventory.Domain.Stock;

/// <summary>
/// The last supplier stock feed applied at one Supplier location: a feed whose <c>asOf</c> is earlier than
/// <see cref="LastAsOf"/> is stale and ignored. Moved forward with a guarded update, never check-then-act.
/// </summary>
internal sealed class SupplierFeedCheckpoint
{
    private SupplierFeedCheckpoint()
    {
    }

    public string LocationCode { get; private set; } = string.Empty;

    /// <summary>The <c>asOf</c> (UTC) of the last feed applied.</summary>
    public DateTimeOffset LastAsOf { get; private set; }

    /// <summary>When that feed was applied (UTC).</summary>
    public DateTimeOffset AppliedAt { get; private set; }

    public static SupplierFeedCheckpoint Start(string locationCode, DateTimeOffset asOf, DateTimeOffset appliedAt) => new()
    {
        LocationCode = locationCode,
        LastAsOf = asOf,
        AppliedAt = appliedAt,
    };
}
