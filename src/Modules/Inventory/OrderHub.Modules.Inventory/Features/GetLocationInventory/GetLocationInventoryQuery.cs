using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetLocationInventory;

/// <summary>A page of the SKUs stocked at one location, by SKU.</summary>
internal sealed record GetLocationInventoryQuery(string LocationCode, int Page = 1, int PageSize = 50) : IQuery<LocationInventoryDto>;

internal sealed record LocationInventoryDto(string LocationCode, int Page, int PageSize, int TotalItems, IReadOnlyList<LocationSkuStockDto> Items);

/// <summary>One SKU's stock at the location: <c>reserved</c> includes <c>pooled</c> (set aside by allocation pools).</summary>
internal sealed record LocationSkuStockDto(string Sku, int OnHand, int Reserved, int Pooled, int Available);
