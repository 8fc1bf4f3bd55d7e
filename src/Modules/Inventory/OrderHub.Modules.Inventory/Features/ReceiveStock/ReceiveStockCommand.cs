using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Inventory.Features.ReceiveStock;

/// <summary>The body of <c>POST /api/v1/inventory/receipts</c> (API.md).</summary>
internal sealed record ReceiveStockCommand : IIdempotentCommand<StockReceiptDto>
{
    public string? LocationCode { get; init; }

    public string? Sku { get; init; }

    public int Quantity { get; init; }

    public string? Lot { get; init; }

    public string? Bin { get; init; }

    /// <summary>The lot's last good day (yyyy-MM-dd), when it has one: pick lists take the first-expiring lot first.</summary>
    public DateOnly? ExpiresOn { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

/// <summary>What was received where, and the stock item's on-hand after it.</summary>
internal sealed record StockReceiptDto(Guid ReceiptId, string Sku, string LocationCode, string Bin, string Lot, int Quantity, int OnHand);
