namespace OrderHub.Modules.Inventory.Domain.Catalog;

/// <summary>A sellable SKU. For wine, one wine in one format (varietal, vintage, bottle size).</summary>
internal sealed class Product
{
    private Product()
    {
    }

    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public decimal Price { get; private set; }

    public string Currency { get; private set; } = "USD";

    public int WeightGrams { get; private set; }

    public bool IsAlcohol { get; private set; }

    public WineAttributes? Wine { get; private set; }

    public static Product Create(string sku, string name, decimal price, string currency, int weightGrams, bool isAlcohol, WineAttributes? wine) => new()
    {
        Sku = sku,
        Name = name,
        Price = price,
        Currency = currency,
        WeightGrams = weightGrams,
        IsAlcohol = isAlcohol,
        Wine = wine,
    };
}

/// <summary>Vintage null means non-vintage (NV).</summary>
internal sealed record WineAttributes(string Varietal, int? Vintage, string? Appellation, int VolumeMl, int UnitsPerCase, decimal Abv);
