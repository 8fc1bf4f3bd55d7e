using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetChannelAvailability;

/// <summary>
/// Per channel: general availability plus what the channel's pools (active, before their release date) still set aside. The
/// order channels are always listed; a channel that only has pools (e.g. "WineClub") is listed too; a pool that targets a
/// customer tag adds a row for that channel and tag (the channel's untagged pools count there as well). For a kit: as many
/// kits as the scarcest component allows for that channel.
/// </summary>
internal sealed class GetChannelAvailabilityHandler(InventoryDbContext db, StockStore stock, PoolStore pools) : IQueryHandler<GetChannelAvailabilityQuery, ChannelAvailabilityDto>
{
    private static readonly string[] OrderChannels = ["Web", "Pos", "Phone", "Marketplace", "Import"];

    public async ValueTask<ChannelAvailabilityDto> Handle(GetChannelAvailabilityQuery query, CancellationToken cancellationToken)
    {
        var components = await db.Products.AsNoTracking().Where(p => p.Sku == query.Sku)
            .Select(p => p.Components.Select(c => new { c.ComponentSku, c.Quantity }).ToList())
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Product", query.Sku);
        var parts = components.Count == 0 ? [(Sku: query.Sku, PerKit: 1)] : components.ConvertAll(c => (Sku: c.ComponentSku, PerKit: c.Quantity));
        var skus = parts.Select(p => p.Sku).ToList();

        var general = await stock.AvailableBySkuAsync(skus, cancellationToken);
        var drawable = await pools.DrawableAsync(skus, cancellationToken);

        var scopes = OrderChannels.Select(c => (Channel: c, Tag: (string?)null))
            .Concat(drawable.Select(d => (d.Channel, Tag: (string?)null)))
            .Concat(drawable.Where(d => d.CustomerTag is not null).Select(d => (d.Channel, Tag: d.CustomerTag)))
            .Distinct()
            .OrderBy(s => Array.IndexOf(OrderChannels, s.Channel) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(s => s.Channel, StringComparer.Ordinal).ThenBy(s => s.Tag, StringComparer.Ordinal)
            .ToList();

        int Pooled(string sku, string channel, string? tag) =>
            drawable.Where(d => d.Sku == sku && d.Channel == channel && (d.CustomerTag is null || d.CustomerTag == tag)).Sum(d => d.Remaining);

        // Whole kits (or units) from what one component offers.
        int Units(Func<string, int> perSku) => parts.Min(p => perSku(p.Sku) / p.PerKit);

        var generalUnits = Units(sku => general.GetValueOrDefault(sku));
        var channels = scopes.ConvertAll(s =>
        {
            var available = Units(sku => general.GetValueOrDefault(sku) + Pooled(sku, s.Channel, s.Tag));
            return new ChannelStockDto(s.Channel, s.Tag, available - generalUnits, available);
        });
        return new ChannelAvailabilityDto(query.Sku, generalUnits, channels);
    }
}
