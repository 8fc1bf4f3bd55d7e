using System.Globalization;
using Mediator;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Payments.Features.CalculateTax;

/// <summary>
/// Destination-based tax for a US order: state base sales tax on the subtotal (and shipping where configured), plus
/// wine excise computed from volume (litres = quantity × bottle ml / 1000) and percent levies, shown separately.
/// Each amount is rounded half away from zero to cents. Other countries: no tax table yet (zero, said in the basis).
/// </summary>
internal sealed class CalculateTaxHandler(TaxRateTable table) : IQueryHandler<CalculateTaxQuery, TaxDto>
{
    private const string Usd = "USD";

    public ValueTask<TaxDto> Handle(CalculateTaxQuery query, CancellationToken cancellationToken)
    {
        var basis = new List<string>();
        if (!string.Equals(query.Country, "US", StringComparison.OrdinalIgnoreCase))
        {
            basis.Add($"No tax table for country {query.Country}: no tax computed.");
            return ValueTask.FromResult(new TaxDto(0m, 0m, 0m, Usd, basis));
        }

        var state = query.Region.Trim().ToUpperInvariant();
        var salesTax = 0m;
        if (table.SalesTaxRate(state) is not { } rate)
        {
            basis.Add($"No sales tax rate for region {state}: no sales tax computed.");
        }
        else
        {
            var taxable = query.Subtotal + (table.TaxesShipping(state) ? query.Shipping : 0m);
            salesTax = Round(taxable * rate);
            basis.Add(string.Create(CultureInfo.InvariantCulture,
                $"Sales tax {state} {rate * 100:0.###}% (state base rate) on {taxable:0.00}{(table.TaxesShipping(state) ? " incl. shipping" : string.Empty)} = {salesTax:0.00}"));
        }

        var wine = query.Lines.Where(l => l.IsAlcohol).ToList();
        var litres = wine.Sum(l => l.Quantity * l.VolumeMl / 1000m);
        var perLitre = table.WineExcisePerLitre(state);
        var excise = 0m;
        if (litres > 0 && perLitre > 0)
        {
            var volumeExcise = Round(litres * perLitre);
            excise += volumeExcise;
            basis.Add(string.Create(CultureInfo.InvariantCulture,
                $"Wine excise {state} {perLitre:0.####}/L ({perLitre * TaxRateTable.LitresPerGallon:0.###}/gal) on {litres:0.###} L = {volumeExcise:0.00}"));
        }

        var levy = table.WineLevy(state);
        if (wine.Count > 0 && levy > 0)
        {
            var wineValue = wine.Sum(l => l.Quantity * l.UnitPrice);
            var levyAmount = Round(wineValue * levy);
            excise += levyAmount;
            basis.Add(string.Create(CultureInfo.InvariantCulture, $"Wine levy {state} {levy * 100:0.##}% on {wineValue:0.00} = {levyAmount:0.00}"));
        }

        return ValueTask.FromResult(new TaxDto(salesTax, excise, salesTax + excise, Usd, basis));
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
