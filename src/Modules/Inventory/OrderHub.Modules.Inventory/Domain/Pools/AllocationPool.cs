namespace OrderHub.Modules.Inventory.Domain.Pools;

internal enum PoolStatus
{
    Active,
    Released,
}

/// <summary>
/// Stock set aside for one channel (and optionally one customer tag), e.g. the wine club or the tasting room, until its
/// release date. The set-aside units are held as <c>Reserved</c> on the stock items, so general availability already
/// excludes them and no other channel can take them; a reservation from the pool's channel draws from
/// <see cref="AllocationPoolItem.Remaining"/> first (guarded update), then from general stock.
/// </summary>
internal sealed class AllocationPool
{
    private readonly List<AllocationPoolItem> _items = [];

    private AllocationPool()
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The channel that may draw on the pool (exact name, e.g. "Pos", "WineClub").</summary>
    public string Channel { get; private set; } = string.Empty;

    /// <summary>When set, only reservations carrying this customer tag draw on the pool.</summary>
    public string? CustomerTag { get; private set; }

    /// <summary>Higher first when a channel has several pools for a SKU.</summary>
    public int Priority { get; private set; }

    public DateTimeOffset ReleaseAt { get; private set; }

    public PoolStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? ReleaseReason { get; private set; }

    public IReadOnlyList<AllocationPoolItem> Items => _items;

    public static AllocationPool Create(string name, string channel, string? customerTag, int priority, DateTimeOffset releaseAt, DateTimeOffset now, IEnumerable<AllocationPoolItem> items)
    {
        var pool = new AllocationPool
        {
            Name = name,
            Channel = channel,
            CustomerTag = customerTag,
            Priority = priority,
            ReleaseAt = releaseAt,
            Status = PoolStatus.Active,
            CreatedAt = now,
        };
        pool._items.AddRange(items);
        return pool;
    }
}

/// <summary>Units of one stock item set aside by a pool: <see cref="Quantity"/> at creation, <see cref="Remaining"/> not yet drawn or released.</summary>
internal sealed class AllocationPoolItem(string poolName, long stockItemId, string sku, string locationCode, string binCode, string lot, int quantity)
{
    public long Id { get; private set; }

    public string PoolName { get; private set; } = poolName;

    public long StockItemId { get; private set; } = stockItemId;

    public string Sku { get; private set; } = sku;

    public string LocationCode { get; private set; } = locationCode;

    public string BinCode { get; private set; } = binCode;

    public string Lot { get; private set; } = lot;

    public int Quantity { get; private set; } = quantity;

    public int Remaining { get; private set; } = quantity;
}
