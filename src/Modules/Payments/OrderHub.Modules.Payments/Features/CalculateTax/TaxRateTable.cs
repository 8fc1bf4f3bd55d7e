using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Payments.Features.CalculateTax;

/// <summary>Configuration section <c>OrderHub:Payments:Tax</c>: corrections to the seeded tables, keyed by state code.</summary>
internal sealed class TaxOptions
{
    public const string Section = "OrderHub:Payments:Tax";

    /// <summary>State base sales-tax rate as a fraction (0.0725 = 7.25 %), overriding the seed.</summary>
    public Dictionary<string, decimal> SalesTaxRates { get; set; } = [];

    /// <summary>Wine excise in dollars per litre, overriding the seed.</summary>
    public Dictionary<string, decimal> WineExcisePerLitre { get; set; } = [];

    /// <summary>Percent-of-price wine levy as a fraction (0.08 = 8 %), overriding the seed.</summary>
    public Dictionary<string, decimal> WineLevyRates { get; set; } = [];

    /// <summary>States whose sales tax also applies to the shipping charge (none by default: rules vary, see docs).</summary>
    public List<string> ShippingTaxedIn { get; set; } = [];
}

/// <summary>
/// Destination tax tables. Sales tax: the STATE BASE rate only (no county/city/district add-ons, so the real rate at
/// an address is usually higher); source Tax Foundation "State and Local Sales Tax Rates, 2025" (midyear) as
/// remembered, not re-verified here. Wine excise: the per-gallon/per-litre rates listed in wine-dtc-law.md
/// (Wine Institute, mostly mid-2025; table wine tier); percent levies from the same page.
/// Treat every figure as a seed to be confirmed by a tax professional: configuration overrides any row.
/// </summary>
internal sealed class TaxRateTable(IOptions<TaxOptions> options)
{
    public const decimal LitresPerGallon = 3.785411784m;

    private static readonly FrozenDictionary<string, decimal> SeedSalesTax = new Dictionary<string, decimal>
    {
        ["AL"] = 0.04m,
        ["AK"] = 0m,
        ["AZ"] = 0.056m,
        ["AR"] = 0.065m,
        ["CA"] = 0.0725m,
        ["CO"] = 0.029m,
        ["CT"] = 0.0635m,
        ["DE"] = 0m,
        ["DC"] = 0.06m,
        ["FL"] = 0.06m,
        ["GA"] = 0.04m,
        ["HI"] = 0.04m,
        ["ID"] = 0.06m,
        ["IL"] = 0.0625m,
        ["IN"] = 0.07m,
        ["IA"] = 0.06m,
        ["KS"] = 0.065m,
        ["KY"] = 0.06m,
        ["LA"] = 0.05m,
        ["ME"] = 0.055m,
        ["MD"] = 0.06m,
        ["MA"] = 0.0625m,
        ["MI"] = 0.06m,
        ["MN"] = 0.06875m,
        ["MS"] = 0.07m,
        ["MO"] = 0.04225m,
        ["MT"] = 0m,
        ["NE"] = 0.055m,
        ["NV"] = 0.0685m,
        ["NH"] = 0m,
        ["NJ"] = 0.06625m,
        ["NM"] = 0.04875m,
        ["NY"] = 0.04m,
        ["NC"] = 0.0475m,
        ["ND"] = 0.05m,
        ["OH"] = 0.0575m,
        ["OK"] = 0.045m,
        ["OR"] = 0m,
        ["PA"] = 0.06m,
        ["RI"] = 0.07m,
        ["SC"] = 0.06m,
        ["SD"] = 0.042m,
        ["TN"] = 0.07m,
        ["TX"] = 0.0625m,
        ["UT"] = 0.061m,
        ["VT"] = 0.06m,
        ["VA"] = 0.053m,
        ["WA"] = 0.065m,
        ["WV"] = 0.06m,
        ["WI"] = 0.05m,
        ["WY"] = 0.04m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> SeedExcisePerLitre = new Dictionary<string, decimal>
    {
        ["AK"] = 2.50m / LitresPerGallon,
        ["AL"] = 0.38m,
        ["AZ"] = 0.84m / LitresPerGallon,
        ["CA"] = 0.20m / LitresPerGallon,
        ["CT"] = 0.79m / LitresPerGallon,
        ["FL"] = 2.25m / LitresPerGallon,
        ["HI"] = 1.38m / LitresPerGallon,
        ["IA"] = 1.75m / LitresPerGallon,
        ["ID"] = 0.45m / LitresPerGallon,
        ["IL"] = 1.39m / LitresPerGallon,
        ["IN"] = 0.47m / LitresPerGallon,
        ["KS"] = 0.30m / LitresPerGallon,
        ["KY"] = 0.50m / LitresPerGallon,
        ["ME"] = 0.60m / LitresPerGallon,
        ["ND"] = 0.50m / LitresPerGallon,
        ["NJ"] = 0.875m / LitresPerGallon,
        ["NM"] = 0.45m,
        ["OR"] = 0.67m / LitresPerGallon,
        ["PA"] = 2.50m / LitresPerGallon,
        ["TN"] = 1.21m / LitresPerGallon,
        ["VA"] = 1.51m / LitresPerGallon,
        ["WA"] = 0.2292m,
        ["WV"] = 1.00m / LitresPerGallon,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Percent-of-price levies on wine (wine-dtc-law.md): MS 15.5 %, WY 12 %, KS 8 % enforcement tax, NH 8 % fee.</summary>
    private static readonly FrozenDictionary<string, decimal> SeedWineLevy = new Dictionary<string, decimal>
    {
        ["MS"] = 0.155m,
        ["WY"] = 0.12m,
        ["KS"] = 0.08m,
        ["NH"] = 0.08m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public decimal? SalesTaxRate(string state) =>
        options.Value.SalesTaxRates.TryGetValue(state.ToUpperInvariant(), out var configured) ? configured
        : SeedSalesTax.TryGetValue(state, out var seeded) ? seeded
        : null;

    public decimal WineExcisePerLitre(string state) =>
        options.Value.WineExcisePerLitre.TryGetValue(state.ToUpperInvariant(), out var configured) ? configured
        : SeedExcisePerLitre.GetValueOrDefault(state);

    public decimal WineLevy(string state) =>
        options.Value.WineLevyRates.TryGetValue(state.ToUpperInvariant(), out var configured) ? configured
        : SeedWineLevy.GetValueOrDefault(state);

    public bool TaxesShipping(string state) => options.Value.ShippingTaxedIn.Contains(state, StringComparer.OrdinalIgnoreCase);
}
