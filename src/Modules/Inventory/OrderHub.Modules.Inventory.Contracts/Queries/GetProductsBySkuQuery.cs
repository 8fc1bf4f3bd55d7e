using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>The catalog facts other modules need about some SKUs; unknown SKUs are simply absent from the answer.</summary>
public sealed record GetProductsBySkuQuery(IReadOnlyList<string> Skus) : IQuery<IReadOnlyList<ProductInfoDto>>;

/// <summary>A SKU as other modules see it (volume for compliance, weight for shipping, price for orders).</summary>
public sealed record ProductInfoDto(string Sku, string Name, decimal Price, string Currency, int WeightGrams, bool IsAlcohol, int? VolumeMl, string? Varietal, int? Vintage);
