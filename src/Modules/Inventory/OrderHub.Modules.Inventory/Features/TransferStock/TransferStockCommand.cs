using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Features.TransferStock;

/// <summary>
/// The body of <c>POST /api/v1/inventory/transfers</c>: ships units from one location (FIFO by lot, or the lot named);
/// they are in transit until <c>POST /api/v1/inventory/transfers/{id}/receive</c>.
/// </summary>
internal sealed record TransferStockCommand : IIdempotentCommand<StockTransferDto>
{
    public string? FromLocationCode { get; init; }

    public string? ToLocationCode { get; init; }

    public string? Sku { get; init; }

    public int Quantity { get; init; }

    public string? Lot { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record StockTransferDto(
    Guid Id, string Sku, string FromLocationCode, string ToLocationCode, int Quantity, string Status,
    DateTimeOffset ShippedAt, DateTimeOffset? ReceivedAt, string? ReceivedBin, IReadOnlyList<StockTransferLineDto> Lines)
{
    public static StockTransferDto From(StockTransfer t) => new(t.Id, t.Sku, t.FromLocationCode, t.ToLocationCode, t.Quantity, t.Status.ToString(),
        t.ShippedAt, t.ReceivedAt, t.ReceivedBinCode, [.. t.Lines.Select(l => new StockTransferLineDto(l.FromBinCode, l.Lot, l.Quantity))]);
}

internal sealed record StockTransferLineDto(string FromBin, string Lot, int Quantity);
