using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetStockAvailability;

internal sealed record GetStockAvailabilityQuery(string Sku) : IQuery<StockAvailabilityDto>;

/// <summary><c>GET /api/v1/inventory/{sku}</c> as API.md fixes it.</summary>
internal sealed record StockAvailabilityDto(string Sku, int TotalAvailable, IReadOnlyList<LocationStockDto> Locations);

/// <summary><c>reserved</c> includes <c>pooled</c>: units set aside by allocation pools (not available to other channels).</summary>
internal sealed record LocationStockDto(string LocationCode, int OnHand, int Reserved, int Available, int Pooled = 0);
