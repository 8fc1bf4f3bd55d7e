namespace OrderHub.Modules.Inventory.Domain.Catalog;

/// <summary>
/// A sellable SKU. For wine, one wine in one format (varietal, vintage, bottle size). A product with components is a
/// kit (e.g. a 6-bottle club pack): it holds no stock of its own; its availability is derived from its components.
/// </summary>
internal sealed class Product
{
    private readonly List<BundleComponent> _components = [];

    private Product()
    {
    }

    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public decimal Price { get; private set; }

    public string Currency { get; private set; } = "USD";

    public int WeightGrams { get; private set; }

    public bool IsAlcohol { get; private set; }

    public string? Varietal { get; private set; }

    /// <summary>Null means non-vintage (NV) or not a wine.</summary>
    public int? Vintage { get; private set; }

    public string? Appellation { get; private set; }

    public int? VolumeMl { get; private set; }

    public int? UnitsPerCase { get; private set; }

    public decimal? Abv { get; private set; }

    public IReadOnlyList<BundleComponent> Components => _components;

    public bool IsBundle => _components.Count > 0;

    public static Product Create(string sku, string name, decimal price, string currency, int weightGrams, bool isAlcohol, WineAttributes? wine) => new()
    {
        Sku = sku,
        Name = name,
        Price = price,
        Currency = currency,
        WeightGrams = weightGrams,
        IsAlcohol = isAlcohol,
        Varietal = wine?.Varietal,
        Vintage = wine?.Vintage,
        Appellation = wine?.Appellation,
        VolumeMl = wine?.VolumeMl,
        UnitsPerCase = wine?.UnitsPerCase,
        Abv = wine?.Abv,
    };

    /// <summary>New catalog facts for the SKU. The SKU itself and a kit's components never change (the catalog cache relies on it).</summary>
    public void Update(string name, decimal price, string currency, int weightGrams, bool isAlcohol, WineAttributes? wine)
    {
        Name = name;
        Price = price;
        Currency = currency;
        WeightGrams = weightGrams;
        IsAlcohol = isAlcohol;
        Varietal = wine?.Varietal;
        Vintage = wine?.Vintage;
        Appellation = wine?.Appellation;
        VolumeMl = wine?.VolumeMl;
        UnitsPerCase = wine?.UnitsPerCase;
        Abv = wine?.Abv;
    }

    public void AddComponent(string componentSku, int quantity) => _components.Add(new BundleComponent(Sku, componentSku, quantity));
}

/// <summary>Wine attributes of a SKU; every one is optional (a corkscrew has none, a NV sparkling has no vintage).</summary>
internal sealed record WineAttributes(string? Varietal, int? Vintage, string? Appellation, int? VolumeMl, int? UnitsPerCase, decimal? Abv);

/// <summary>One component line of a kit: <see cref="Quantity"/> units of <see cref="ComponentSku"/> per kit.</summary>
internal sealed class BundleComponent(string bundleSku, string componentSku, int quantity)
{
    public string BundleSku { get; private set; } = bundleSku;

    public string ComponentSku { get; private set; } = componentSku;

    public int Quantity { get; private set; } = quantity;
}
