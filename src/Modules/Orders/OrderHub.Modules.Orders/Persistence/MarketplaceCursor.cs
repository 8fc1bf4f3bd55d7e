namespace OrderHub.Modules.Orders.Persistence;

/// <summary>Where the pull from a marketplace (e.g. "commerce7") stopped: the next page's cursor, as the marketplace gave it.</summary>
internal sealed class MarketplaceCursor(string source, string cursor, DateTimeOffset updatedAt)
{
    public string Source { get; private set; } = source;

    public string Cursor { get; private set; } = cursor;

    public DateTimeOffset UpdatedAt { get; private set; } = updatedAt;

    public void MoveTo(string cursor, DateTimeOffset at)
    {
        Cursor = cursor;
        UpdatedAt = at;
    }
}
