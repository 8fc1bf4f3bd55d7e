using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Documents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.GetPackingSlip;

/// <summary>
/// Renders the slip that travels in the first package: the order, ship-from (the location and its postal code, what
/// Fulfillment keeps of it) and ship-to, each package's contents by product name, and the adult-signature notice for wine.
/// </summary>
internal sealed class GetPackingSlipHandler(FulfillmentDbContext db, ISender sender) : IQueryHandler<GetPackingSlipQuery, PackingSlipFile>
{
    public async ValueTask<PackingSlipFile> Handle(GetPackingSlipQuery query, CancellationToken cancellationToken)
    {
        var fulfillment = await db.Fulfillments.AsNoTracking().Include(f => f.Packages).SingleOrDefaultAsync(f => f.Id == query.FulfillmentId, cancellationToken)
            ?? throw new NotFoundException("Fulfillment", query.FulfillmentId.ToString());
        if (fulfillment.Status is not (FulfillmentStatus.Packed or FulfillmentStatus.Shipped) || fulfillment.Packages.Count == 0)
        {
            throw new ConflictException($"The {fulfillment.LocationCode} fulfillment of order {fulfillment.OrderNumber} is {fulfillment.Status}: it has no packing slip until it is packed.");
        }

        var order = await db.OrdersToFulfill.AsNoTracking().SingleAsync(o => o.OrderId == fulfillment.OrderId, cancellationToken);
        var skus = fulfillment.Packages.SelectMany(p => p.Lines).Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = (await sender.Send(new GetProductsBySkuQuery(skus), cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var shipTo = order.ShipTo;
        var view = new PackingSlipView(
            fulfillment.OrderNumber,
            DateOnly.FromDateTime(order.PlacedAt.UtcDateTime),
            new AddressView(fulfillment.LocationCode, string.Empty, null, string.Empty, string.Empty, fulfillment.OriginPostalCode),
            new AddressView(order.RecipientName, shipTo.Line1, shipTo.Line2, shipTo.City, shipTo.Region, shipTo.PostalCode, shipTo.Country),
            [.. fulfillment.Packages.OrderBy(p => p.Number).Select(p => new PackingSlipPackageView(
                p.Box, p.WeightGrams, [.. p.Lines.Select(l => new PackingSlipLineView(l.Sku, products.GetValueOrDefault(l.Sku)?.Name ?? l.Sku, l.Quantity))]))],
            ContainsAlcohol: order.AdultSignatureRequired || skus.Any(s => products.GetValueOrDefault(s)?.IsAlcohol ?? true));
        return new PackingSlipFile(fulfillment.OrderNumber, PackingSlipDocument.Render(view));
    }
}
