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

    public static StockItem Receive(string sku, string locationCode, string binCode, string lot, int quantity) => new()
    {
        Sku = sku,
        LocationCode = locationCode,
        BinCode = binCode,
        Lot = lot,
        OnHand = quantity,
    };
}
