namespace OrderHub.Modules.Inventory.Domain.Stock;

internal enum StockMovementType
{
    Receipt,
    Adjustment,
    TransferOut,
    TransferIn,
    Commit,
}

/// <summary>
/// One append-only line of the stock ledger: every change of on-hand (receipt, adjustment, transfer leg, committed
/// reservation) writes one, so the on-hand of every stock item can be rebuilt by summing <see cref="Quantity"/>.
/// </summary>
internal sealed class StockMovement
{
    private StockMovement()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public StockMovementType Type { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public string BinCode { get; private set; } = string.Empty;

    public string Lot { get; private set; } = string.Empty;

    /// <summary>Signed change of on-hand.</summary>
    public int Quantity { get; private set; }

    /// <summary>Adjustment reason code, if any.</summary>
    public string? Reason { get; private set; }

    /// <summary>What caused it: "receipt:{id}", "transfer:{id}", "reservation:{key}", "adjustment:{id}".</summary>
    public string Reference { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    public static StockMovement Record(
        StockMovementType type, StockKey key, int quantity, string reference, DateTimeOffset at, string? reason = null, string? note = null) => new()
        {
            Type = type,
            Sku = key.Sku,
            LocationCode = key.LocationCode,
            BinCode = key.BinCode,
            Lot = key.Lot,
            Quantity = quantity,
            Reference = reference,
            OccurredAt = at,
            Reason = reason,
            Note = note,
        };
}

/// <summary>The identity of a stock item: SKU, location, bin and lot.</summary>
internal readonly record struct StockKey(string Sku, string LocationCode, string BinCode, string Lot);
