namespace OrderHub.Modules.Inventory.Domain.Stock;

internal enum StockTransferStatus
{
    InTransit,
    Received,
}

/// <summary>Stock moving between two locations: shipped (source on-hand drops) then received (destination on-hand rises).</summary>
internal sealed class StockTransfer
{
    private readonly List<StockTransferLine> _lines = [];

    private StockTransfer()
    {
    }

    public Guid Id { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string FromLocationCode { get; private set; } = string.Empty;

    public string ToLocationCode { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public StockTransferStatus Status { get; private set; }

    public DateTimeOffset ShippedAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? ReceivedBinCode { get; private set; }

    public IReadOnlyList<StockTransferLine> Lines => _lines;

    public static StockTransfer Ship(Guid id, string sku, string from, string to, IEnumerable<(string BinCode, string Lot, int Quantity)> lines, DateTimeOffset at)
    {
        var transfer = new StockTransfer { Id = id, Sku = sku, FromLocationCode = from, ToLocationCode = to, Status = StockTransferStatus.InTransit, ShippedAt = at };
        foreach (var (bin, lot, quantity) in lines)
        {
            transfer._lines.Add(new StockTransferLine(id, bin, lot, quantity));
            transfer.Quantity += quantity;
        }

        return transfer;
    }
}

/// <summary>One lot (from one source bin) travelling in a transfer.</summary>
internal sealed class StockTransferLine(Guid transferId, string fromBinCode, string lot, int quantity)
{
    public long Id { get; private set; }

    public Guid TransferId { get; private set; } = transferId;

    public string FromBinCode { get; private set; } = fromBinCode;

    public string Lot { get; private set; } = lot;

    public int Quantity { get; private set; } = quantity;
}
