using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;
using OrderHub.Modules.Inventory.Features.ReceiveStock;

namespace OrderHub.Modules.Inventory.Features.ReceivePurchaseOrder;

/// <summary>The body of <c>POST /api/v1/purchase-orders/{id}/receipts</c>: what arrived, line by line (lot and bin optional).</summary>
internal sealed record ReceivePurchaseOrderCommand : IIdempotentCommand<PurchaseOrderReceiptDto>
{
    [JsonIgnore]
    public Guid PurchaseOrderId { get; init; }

    public IReadOnlyList<PurchaseOrderReceiptLineRequest>? Lines { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>A key is unique per purchase order: the same key on another order is another receipt.</summary>
    string IIdempotentCommand<PurchaseOrderReceiptDto>.IdempotencyScope => $"{nameof(ReceivePurchaseOrderCommand)}:{PurchaseOrderId:N}";
}

internal sealed record PurchaseOrderReceiptLineRequest(string? Sku, int Quantity, string? Lot, string? Bin);

/// <summary>The purchase order after the receipt, and the stock receipts it made.</summary>
internal sealed record PurchaseOrderReceiptDto(PurchaseOrderDto PurchaseOrder, IReadOnlyList<StockReceiptDto> Receipts);
