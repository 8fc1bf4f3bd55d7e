using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Inventory.Features.CountStock;

/// <summary>
/// The body of <c>POST /api/v1/inventory/counts</c> (API.md): a cycle count of one SKU in one bin (and lot, "" when left
/// out). The variance (counted − expected on-hand) adjusts the stock with a <c>CycleCount</c> ledger entry.
/// </summary>
internal sealed record CountStockCommand : IIdempotentCommand<StockCountDto>
{
    public string? LocationCode { get; init; }

    public string? Bin { get; init; }

    public string? Sku { get; init; }

    public string? Lot { get; init; }

    public int CountedQuantity { get; init; }

    public string? Note { get; init; }

    /// <summary>Who counted ("staff:{email}" or "api:{client}"), kept on the ledger entry.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "system";

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

/// <summary>What the count found: <see cref="Variance"/> = counted − expected; <see cref="OnHand"/> after the adjustment.</summary>
internal sealed record StockCountDto(Guid CountId, string LocationCode, string Bin, string Sku, string Lot, int Expected, int Counted, int Variance, int OnHand);
