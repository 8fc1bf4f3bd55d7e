using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetStockAvailability;

internal sealed record GetStockAvailabilityQuery(string Sku) : IQuery<StockAvailabilityDto>;

/// <summary><c>GET /api/v1/inventory/{sku}</c> as API.md fixes it.</summary>
internal sealed record StockAvailabilityDto(string Sku, int TotalAvailable, IReadOnlyList<LocationStockDto> Locations);

internal sealed record LocationStockDto(string LocationCode, int OnHand, int Reserved, int Available);
