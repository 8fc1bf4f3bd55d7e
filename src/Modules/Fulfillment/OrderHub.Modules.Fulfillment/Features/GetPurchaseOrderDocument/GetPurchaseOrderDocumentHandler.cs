using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Documents;
using OrderHub.Modules.Fulfillment.Dropship;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.GetPurchaseOrderDocument;

/// <summary>
/// Renders a dropship purchase order as sent: the buyer (<see cref="DropshipBuyerOptions"/>), the supplier, the consumer
/// to ship to, the lines with the catalog's names. Only Fulfillment's dropship purchase orders: any other id is a 404.
/// </summary>
internal sealed class GetPurchaseOrderDocumentHandler(FulfillmentDbContext db, ISender sender, IOptions<DropshipBuyerOptions> buyer)
    : IQueryHandler<GetPurchaseOrderDocumentQuery, PurchaseOrderDocumentFile>
{
    public async ValueTask<PurchaseOrderDocumentFile> Handle(GetPurchaseOrderDocumentQuery query, CancellationToken cancellationToken)
    {
        var po = await db.DropshipPurchaseOrders.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Purchase order", query.Id.ToString());
        var products = (await sender.Send(new GetProductsBySkuQuery([.. po.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)]), cancellationToken))
            .ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var b = buyer.Value;
        var view = new PurchaseOrderView(
            po.Number,
            DateOnly.FromDateTime(po.SentAt.UtcDateTime),
            new AddressView(b.Name, b.Line1, null, b.City, b.Region, b.PostalCode, Phone: b.Phone),
            new AddressView(po.SupplierName, $"Supplier location {po.SupplierCode}", null, string.Empty, po.SupplierRegion, po.SupplierPostalCode),
            new AddressView(po.RecipientName, po.ShipTo.Line1, po.ShipTo.Line2, po.ShipTo.City, po.ShipTo.Region, po.ShipTo.PostalCode, po.ShipTo.Country),
            po.OrderNumber,
            [.. po.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseOrderLineView(l.Sku, null, products.GetValueOrDefault(l.Sku)?.Name ?? l.Sku, l.Quantity, null))],
            products.Values.Select(p => p.Currency).FirstOrDefault() ?? "USD",
            ContainsAlcohol: po.AdultSignatureRequired || po.Lines.Any(l => products.GetValueOrDefault(l.Sku)?.IsAlcohol ?? true),
            ShippingService: po.AdultSignatureRequired ? $"{po.ShippingService}, adult signature" : po.ShippingService);
        return new PurchaseOrderDocumentFile(po.Number, PurchaseOrderDocument.Render(view));
    }
}
