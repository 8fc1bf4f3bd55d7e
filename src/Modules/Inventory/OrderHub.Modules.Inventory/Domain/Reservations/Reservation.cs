namespace OrderHub.Modules.Inventory.Domain.Reservations;

internal enum ReservationStatus
{
    Active,
    Released,
    Expired,
    Committed,
}

/// <summary>
/// Stock held for a caller (an order, a cart) under its own key. The held quantities live on the stock items
/// (<c>Reserved</c>); the allocations say which stock items hold how much for this key. Status changes are guarded
/// updates (Active → Released/Expired/Committed), so a release racing a commit cannot both take effect.
/// </summary>
internal sealed class Reservation
{
    private readonly List<ReservationAllocation> _allocations = [];

    private Reservation()
    {
    }

    public string Key { get; private set; } = string.Empty;

    public string Channel { get; private set; } = string.Empty;

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public string? CloseReason { get; private set; }

    public IReadOnlyList<ReservationAllocation> Allocations => _allocations;

    public static Reservation Create(string key, string channel, DateTimeOffset now, DateTimeOffset expiresAt, IEnumerable<ReservationAllocation> allocations)
    {
        var reservation = new Reservation { Key = key, Channel = channel, Status = ReservationStatus.Active, CreatedAt = now, UpdatedAt = now, ExpiresAt = expiresAt };
        reservation._allocations.AddRange(allocations);
        return reservation;
    }
}

/// <summary>Quantity held by one reservation on one stock item.</summary>
internal sealed class ReservationAllocation(string reservationKey, long stockItemId, string sku, string locationCode, string binCode, string lot, int quantity, string? poolName = null)
{
    public long Id { get; private set; }

    public string ReservationKey { get; private set; } = reservationKey;

    public long StockItemId { get; private set; } = stockItemId;

    public string Sku { get; private set; } = sku;

    public string LocationCode { get; private set; } = locationCode;

    public string BinCode { get; private set; } = binCode;

    public string Lot { get; private set; } = lot;

    public int Quantity { get; private set; } = quantity;

    /// <summary>The allocation pool these units were drawn from, or null for general stock.</summary>
    public string? PoolName { get; private set; } = poolName;

    /// <summary>Holds <paramref name="units"/> fewer (they were found missing when picked).</summary>
    public void Reduce(int units)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, Quantity);
        Quantity -= units;
    }
}
