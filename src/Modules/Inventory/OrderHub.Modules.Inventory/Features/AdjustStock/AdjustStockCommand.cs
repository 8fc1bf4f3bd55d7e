using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Inventory.Features.AdjustStock;

/// <summary>Why on-hand changed outside receipts, transfers and shipments.</summary>
internal enum AdjustmentReason
{
    Breakage,
    Damage,
    Spoilage,
    Sample,
    Theft,
    CycleCount,
    Found,
    Correction,
}

/// <summary>
/// The body of <c>POST /api/v1/inventory/adjustments</c>: a signed change of on-hand (<see cref="Quantity"/> -3 for three broken
/// bottles) with a reason code. Bin and lot may be left out when the SKU sits in one stock item at that location.
/// </summary>
internal sealed record AdjustStockCommand : IIdempotentCommand<StockAdjustmentDto>
{
    public string? LocationCode { get; init; }

    public string? Sku { get; init; }

    public int Quantity { get; init; }

    public string? Reason { get; init; }

    public string? Bin { get; init; }

    public string? Lot { get; init; }

    public string? Note { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record StockAdjustmentDto(Guid AdjustmentId, string Sku, string LocationCode, string Bin, string Lot, int Quantity, string Reason, int OnHand);
