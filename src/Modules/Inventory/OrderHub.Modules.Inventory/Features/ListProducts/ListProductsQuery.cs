using FluentValidation;
using Mediator;

namespace OrderHub.Modules.Inventory.Features.ListProducts;

/// <summary>A page of the catalog by SKU; <see cref="Search"/> matches the start of the SKU or any part of the name (case-insensitive).</summary>
internal sealed record ListProductsQuery(string? Search, int Page = 1, int PageSize = 25) : IQuery<CatalogPageDto>;

/// <summary>One page of the catalog, the shape <c>GET /api/v1/orders</c> uses: <c>{ items, page, pageSize, total }</c>.</summary>
internal sealed record CatalogPageDto(IReadOnlyList<CatalogItemDto> Items, int Page, int PageSize, int Total);

/// <summary>A product as the catalog list shows it; <see cref="IsKit"/> when it is made of other SKUs.</summary>
internal sealed record CatalogItemDto(
    string Sku, string Name, decimal Price, string Currency, int WeightGrams, bool IsAlcohol,
    string? Varietal, int? Vintage, int? VolumeMl, int? UnitsPerCase, bool IsKit);

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Page).InclusiveBetween(1, 100_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}
