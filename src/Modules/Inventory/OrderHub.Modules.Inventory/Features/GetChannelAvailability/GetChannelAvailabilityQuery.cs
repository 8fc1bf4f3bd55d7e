using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetChannelAvailability;

internal sealed record GetChannelAvailabilityQuery(string Sku) : IQuery<ChannelAvailabilityDto>;

/// <summary>What each channel can reserve of a SKU: general availability plus its own pools' remaining units.</summary>
internal sealed record ChannelAvailabilityDto(string Sku, int GeneralAvailable, IReadOnlyList<ChannelStockDto> Channels);

/// <summary>One channel (or one channel and customer tag, when a pool targets a tag): <c>available = generalAvailable + pooled</c>.</summary>
internal sealed record ChannelStockDto(string Channel, string? CustomerTag, int Pooled, int Available);
