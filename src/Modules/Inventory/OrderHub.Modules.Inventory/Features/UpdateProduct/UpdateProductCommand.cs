using System.Text.Json.Serialization;
using Mediator;
using OrderHub.Modules.Inventory.Features.GetProduct;

namespace OrderHub.Modules.Inventory.Features.UpdateProduct;

/// <summary>
/// The body of <c>PUT /api/v1/products/{sku}</c>: the product's new facts, all of them (a field left out is cleared, as PUT
/// replaces). The SKU comes from the route; a kit's components cannot change.
/// </summary>
internal sealed record UpdateProductCommand : ICommand<ProductDto>
{
    [JsonIgnore]
    public string Sku { get; init; } = string.Empty;

    public string? Name { get; init; }

    public decimal Price { get; init; }

    public string? Currency { get; init; }

    public int WeightGrams { get; init; }

    public bool IsAlcohol { get; init; }

    public string? Varietal { get; init; }

    public int? Vintage { get; init; }

    public string? Appellation { get; init; }

    public int? VolumeMl { get; init; }

    public int? UnitsPerCase { get; init; }

    public decimal? Abv { get; init; }

    /// <summary>Who changed it ("staff:{email}" or "api:{client}"), for the log.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "system";
}
