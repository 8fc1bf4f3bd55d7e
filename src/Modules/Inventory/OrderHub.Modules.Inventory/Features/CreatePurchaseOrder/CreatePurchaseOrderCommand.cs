using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Inventory.Domain.Supply;

namespace OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

/// <summary>
/// The body of <c>POST /api/v1/purchase-orders</c>: expected supply of SKUs at a destination location. <c>kind</c>
/// "Purchase" (default, from a supplier or any location) or "Release" (a future vintage release / pre-order stock).
/// </summary>
internal sealed record CreatePurchaseOrderCommand : IIdempotentCommand<PurchaseOrderDto>
{
    public string? Kind { get; init; }

    public string? SupplierLocationCode { get; init; }

    public string? DestinationLocationCode { get; init; }

    public string? Reference { get; init; }

    /// <summary>True keeps it a draft (not yet expected supply for backorders) until submitted.</summary>
    public bool Draft { get; init; }

    public IReadOnlyList<PurchaseOrderLineRequest>? Lines { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record PurchaseOrderLineRequest(string? Sku, int Quantity, DateTimeOffset? ExpectedAt);

internal sealed record PurchaseOrderDto(
    Guid Id, string Kind, string Status, string? SupplierLocationCode, string DestinationLocationCode, string? Reference,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PurchaseOrderLineDto> Lines)
{
    public static PurchaseOrderDto From(PurchaseOrder p) => new(
        p.Id, p.Kind.ToString(), p.Status.ToString(), p.SupplierLocationCode, p.DestinationLocationCode, p.Reference, p.CreatedAt, p.UpdatedAt,
        [.. p.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseOrderLineDto(l.LineNumber, l.Sku, l.Quantity, l.ReceivedQuantity, l.Outstanding, l.ExpectedAt))]);
}

internal sealed record PurchaseOrderLineDto(int LineNumber, string Sku, int Quantity, int ReceivedQuantity, int Outstanding, DateTimeOffset ExpectedAt);
