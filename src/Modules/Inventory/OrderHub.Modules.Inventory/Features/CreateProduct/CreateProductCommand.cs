using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Inventory.Features.GetProduct;

namespace OrderHub.Modules.Inventory.Features.CreateProduct;

/// <summary>The body of <c>POST /api/v1/products</c> (API.md). <see cref="Components"/> makes the SKU a kit.</summary>
internal sealed record CreateProductCommand : IIdempotentCommand<ProductDto>
{
    public string? Sku { get; init; }

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

    public IReadOnlyList<ComponentInput>? Components { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record ComponentInput(string? Sku, int Quantity);
