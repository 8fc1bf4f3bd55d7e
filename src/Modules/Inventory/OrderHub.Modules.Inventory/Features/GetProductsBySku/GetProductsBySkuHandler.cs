using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetProductsBySku;

internal sealed class GetProductsBySkuHandler(InventoryDbContext db) : IQueryHandler<GetProductsBySkuQuery, IReadOnlyList<ProductInfoDto>>
{
    public async ValueTask<IReadOnlyList<ProductInfoDto>> Handle(GetProductsBySkuQuery query, CancellationToken cancellationToken)
    {
        var skus = query.Skus.Distinct(StringComparer.Ordinal).ToList();
        return await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .OrderBy(p => p.Sku)
            .Select(p => new ProductInfoDto(p.Sku, p.Name, p.Price, p.Currency, p.WeightGrams, p.IsAlcohol, p.VolumeMl, p.Varietal, p.Vintage))
            .ToListAsync(cancellationToken);
    }
}
