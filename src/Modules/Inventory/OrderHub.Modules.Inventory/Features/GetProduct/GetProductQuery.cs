using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetProduct;

internal sealed record GetProductQuery(string Sku) : IQuery<ProductDto>;

/// <summary>The product as API.md shows it; <see cref="Components"/> is empty unless the SKU is a kit.</summary>
internal sealed record ProductDto(
    string Sku, string Name, decimal Price, string Currency, int WeightGrams, bool IsAlcohol,
    string? Varietal, int? Vintage, string? Appellation, int? VolumeMl, int? UnitsPerCase, decimal? Abv,
    IReadOnlyList<ProductComponentDto> Components);

internal sealed record ProductComponentDto(string Sku, int Quantity);
