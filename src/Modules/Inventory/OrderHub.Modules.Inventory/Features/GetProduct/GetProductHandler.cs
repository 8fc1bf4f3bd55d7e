using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetProduct;

internal sealed class GetProductHandler(InventoryDbContext db) : IQueryHandler<GetProductQuery, ProductDto>
{
    public async ValueTask<ProductDto> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var p = await db.Products.AsNoTracking().SingleOrDefaultAsync(x => x.Sku == query.Sku, cancellationToken)
            ?? throw new NotFoundException("Product", query.Sku);
        return new ProductDto(p.Sku, p.Name, p.Price, p.Currency, p.WeightGrams, p.IsAlcohol,
            p.Wine?.Varietal, p.Wine?.Vintage, p.Wine?.Appellation, p.Wine?.VolumeMl, p.Wine?.UnitsPerCase, p.Wine?.Abv);
    }
}
