namespace OrderHub.Modules.Inventory.Domain.Stock;

/// <summary>
/// Stock of one SKU in one bin and lot of one location. <see cref="Reserved"/> never exceeds <see cref="OnHand"/>:
/// reservations are guarded updates decided by the database.
/// </summary>
internal sealed class StockItem
{
    private StockItem()
    {
    }

    public long Id { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public string BinCode { get; private set; } = string.Empty;

    /// <summary>Bottling run or batch; empty when the SKU is not lot-tracked.</summary>
    public string Lot { get; private set; } = string.Empty;

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    public int Available => OnHand - Reserved;

    /// <summary>When units of this lot first came into this bin: pick lists take older lots first when none expires.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The lot's last good day, when it has one: pick lists take the first-expiring lot and never an expired one.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>Held back (a recall, a damaged case, a lab check): never picked while set.</summary>
    public bool Quarantined { get; private set; }

    public void SetQuarantined(bool quarantined) => Quarantined = quarantined;

    public static StockItem Receive(string sku, string locationCode, string binCode, string lot, int quantity, DateOnly receivedOn, DateOnly? expiresOn = null) => new()
    {
        Sku = sku,
        LocationCode = locationCode,
        BinCode = binCode,
        Lot = lot,
        OnHand = quantity,
        ReceivedOn = receivedOn,
        ExpiresOn = expiresOn,
    };
}
