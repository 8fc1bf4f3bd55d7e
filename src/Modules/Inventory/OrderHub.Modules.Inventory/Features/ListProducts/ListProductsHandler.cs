using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ListProducts;

internal sealed class ListProductsHandler(InventoryDbContext db) : IQueryHandler<ListProductsQuery, CatalogPageDto>
{
    public async ValueTask<CatalogPageDto> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // LIKE on lower-cased text: the same answer on SQLite (LIKE ignores ASCII case) and PostgreSQL (it does not).
            var term = search.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            products = products.Where(p => EF.Functions.Like(p.Sku.ToLower(), term + "%", @"\") || EF.Functions.Like(p.Name.ToLower(), "%" + term + "%", @"\"));
        }

        var total = await products.CountAsync(cancellationToken);
        var items = await products
            .OrderBy(p => p.Sku)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(p => new CatalogItemDto(p.Sku, p.Name, p.Price, p.Currency, p.WeightGrams, p.IsAlcohol,
                p.Varietal, p.Vintage, p.VolumeMl, p.UnitsPerCase, p.Components.Any()))
            .ToListAsync(cancellationToken);
        return new CatalogPageDto(items, query.Page, query.PageSize, total);
    }
}
