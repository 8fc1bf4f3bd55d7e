using Microsoft.Extensions.Options;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Features.CalculateTax;
using Shouldly;

namespace OrderHub.Modules.Payments.Tests.Features.CalculateTax;

/// <summary>Destination sales tax from the state table plus wine excise from volume, shown separately.</summary>
public sealed class TaxTests
{
    private static readonly TaxLine Cab750 = new("CAB-2019-750", 2, 50m, IsAlcohol: true, VolumeMl: 750);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task California_charges_its_base_rate_and_20_cents_a_gallon_of_wine()
    {
        var tax = await CalculateAsync("CA", 100m, 15m, Cab750);

        tax.SalesTax.ShouldBe(7.25m);   // 7.25 % of 100 (shipping not taxed by default)
        tax.ExciseTax.ShouldBe(0.08m);  // 1.5 L × $0.20/3.785 L = 0.0792
        tax.Total.ShouldBe(7.33m);
        tax.Currency.ShouldBe("USD");
        tax.Basis.ShouldContain(b => b.Contains("Sales tax CA 7.25%", StringComparison.Ordinal));
        tax.Basis.ShouldContain(b => b.Contains("1.5 L", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Florida_excise_on_a_case_is_computed_from_nine_litres()
    {
        var tax = await CalculateAsync("FL", 300m, 0m, Cab750 with { Quantity = 12, UnitPrice = 25m });

        tax.SalesTax.ShouldBe(18.00m);  // 6 %
        tax.ExciseTax.ShouldBe(5.35m);  // 9 L × $2.25/gal = 5.3497
    }

    [Theory]
    [InlineData("WA", 150, 6, 9.75, 1.03)]   // 6.5 %; 4.5 L × $0.2292/L = 1.0314
    [InlineData("AL", 100, 2, 4.00, 0.57)]   // 4 %; 1.5 L × $0.38/L
    [InlineData("OR", 300, 12, 0, 1.59)]     // no sales tax; 9 L × $0.67/gal = 1.5929
    [InlineData("TX", 100, 2, 6.25, 0)]      // no wine excise row for Texas
    [InlineData("KS", 100, 2, 6.50, 8.12)]   // 8 % enforcement tax on 100 = 8.00 + 1.5 L × $0.30/gal = 0.12
    public async Task Other_states_use_their_rows(string state, decimal subtotal, int bottles, decimal salesTax, decimal excise)
    {
        var tax = await CalculateAsync(state, subtotal, 10m, Cab750 with { Quantity = bottles, UnitPrice = subtotal / bottles });

        tax.SalesTax.ShouldBe(salesTax);
        tax.ExciseTax.ShouldBe(excise);
        tax.Total.ShouldBe(salesTax + excise);
    }

    [Fact]
    public async Task Non_alcohol_lines_carry_no_excise()
    {
        var tax = await CalculateAsync("FL", 40m, 0m, new TaxLine("OPENER", 2, 20m, IsAlcohol: false, VolumeMl: 0));

        tax.ExciseTax.ShouldBe(0m);
        tax.SalesTax.ShouldBe(2.40m);
    }

    [Fact]
    public async Task Configuration_corrects_a_rate_and_can_tax_shipping()
    {
        var options = new TaxOptions { SalesTaxRates = { ["TX"] = 0.0825m }, ShippingTaxedIn = { "TX" } };

        var tax = await CalculateAsync("tx", 100m, 20m, options, Cab750);

        tax.SalesTax.ShouldBe(9.90m); // 8.25 % of 120
        tax.Basis[0].ShouldContain("incl. shipping");
    }

    [Fact]
    public async Task Unknown_regions_and_other_countries_get_no_tax_and_say_why()
    {
        var abroad = await new CalculateTaxHandler(new TaxRateTable(Options.Create(new TaxOptions())))
            .Handle(new CalculateTaxQuery("FR", "IDF", 100m, 0m, [Cab750]), Ct);
        var nowhere = await CalculateAsync("ZZ", 100m, 0m, Cab750);

        abroad.Total.ShouldBe(0m);
        abroad.Basis.ShouldHaveSingleItem().ShouldContain("FR");
        nowhere.SalesTax.ShouldBe(0m);
        nowhere.Basis.ShouldContain(b => b.Contains("ZZ", StringComparison.Ordinal));
    }

    private static Task<TaxDto> CalculateAsync(string state, decimal subtotal, decimal shipping, params TaxLine[] lines) =>
        CalculateAsync(state, subtotal, shipping, new TaxOptions(), lines);

    private static async Task<TaxDto> CalculateAsync(string state, decimal subtotal, decimal shipping, TaxOptions options, params TaxLine[] lines) =>
        await new CalculateTaxHandler(new TaxRateTable(Options.Create(options))).Handle(new CalculateTaxQuery("US", state, subtotal, shipping, lines), Ct);
}
