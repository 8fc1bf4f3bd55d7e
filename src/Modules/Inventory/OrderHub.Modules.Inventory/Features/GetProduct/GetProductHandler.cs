using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetProduct;

internal sealed class GetProductHandler(InventoryDbContext db) : IQueryHandler<GetProductQuery, ProductDto>
{
    public async ValueTask<ProductDto> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var p = await db.Products.AsNoTracking().Include(x => x.Components).SingleOrDefaultAsync(x => x.Sku == query.Sku, cancellationToken)
            ?? throw new NotFoundException("Product", query.Sku);
        return ToDto(p);
    }

    public static ProductDto ToDto(Product p) => new(p.Sku, p.Name, p.Price, p.Currency, p.WeightGrams, p.IsAlcohol,
        p.Varietal, p.Vintage, p.Appellation, p.VolumeMl, p.UnitsPerCase, p.Abv,
        [.. p.Components.Select(c => new ProductComponentDto(c.ComponentSku, c.Quantity))]);
}
