using Mediator;

namespace OrderHub.Modules.Inventory.Features.ListLocationStock;

/// <summary>A location's stock by bin and lot (the shelf as the warehouse sees it), bins without stock included.</summary>
internal sealed record ListLocationStockQuery(string LocationCode) : IQuery<LocationBinsDto>;

/// <summary>Every bin of the location (by code) with the stock items in it; <see cref="Truncated"/> when more items exist than were listed.</summary>
internal sealed record LocationBinsDto(string LocationCode, string Name, IReadOnlyList<LocationBinDto> Bins, bool Truncated);

internal sealed record LocationBinDto(string Bin, IReadOnlyList<BinLotStockDto> Items);

/// <summary>One SKU and lot in a bin: on hand, reserved (incl. pooled) and available; expiry and quarantine as received.</summary>
internal sealed record BinLotStockDto(string Sku, string Lot, int OnHand, int Reserved, int Available, DateOnly? ExpiresOn, bool Quarantined);
