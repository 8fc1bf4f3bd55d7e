using System.Text.Json.Serialization;
using Mediator;
using OrderHub.Modules.Inventory.Domain.Replenishment;

namespace OrderHub.Modules.Inventory.Features.SetReorderPoint;

/// <summary>
/// The body of <c>PUT /api/v1/inventory/reorder-points/{locationCode}/{sku}</c>: reorder <c>reorderQuantity</c> units
/// when available + expected units fall below <c>reorderPoint</c>; from <c>supplierLocationCode</c> (a Supplier-type
/// location; omitted = the supplier of the SKU's latest purchase order); <c>leadTimeDays</c> (default 14) dates the draft.
/// </summary>
internal sealed record SetReorderPointCommand : ICommand<ReorderPointDto>
{
    [JsonIgnore]
    public string LocationCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Sku { get; init; } = string.Empty;

    public int ReorderPoint { get; init; }

    public int ReorderQuantity { get; init; }

    public string? SupplierLocationCode { get; init; }

    public int? LeadTimeDays { get; init; }
}

internal sealed record ReorderPointDto(string LocationCode, string Sku, int ReorderPoint, int ReorderQuantity, string? SupplierLocationCode, int LeadTimeDays, DateTimeOffset UpdatedAt)
{
    public static ReorderPointDto From(ReorderPoint p) => new(p.LocationCode, p.Sku, p.Point, p.Quantity, p.SupplierLocationCode, p.LeadTimeDays, p.UpdatedAt);
}
