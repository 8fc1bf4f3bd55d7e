using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Labels;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Labels;

public sealed class LabelContentTests
{
    private static readonly Address Winery = new("1200 Silverado Trail", null, "Napa", "CA", "94558", "US");
    private static readonly Address Customer = new("455 Market Street", null, "San Francisco", "CA", "94105", "US");

    [Fact]
    public void A_bought_shipment_gives_one_label_per_package_numbered_n_of_m()
    {
        var purchase = new LabelPurchase(
            "shipment-7", "OH-1042", Carrier.UPS, ServiceLevel.Ground, "Domaine", Winery, "Jane", Customer,
            [new ShippingParcel(8750, 40, 30, 20), new ShippingParcel(1600, 40, 15, 15)], ContainsAlcohol: true, AdultSignature: false,
            new DateOnly(2026, 12, 5));
        var bought = new PurchasedLabel("S1", ["1Z4A7Y96A800123453", "1Z4A7Y96A800123462"], 31.20m, "USD");

        var labels = LabelContent.For(purchase, bought, "UPS Ground");

        labels.Select(l => (l.TrackingNumber, l.PackageOf, l.WeightGrams)).ShouldBe(
            [("1Z4A7Y96A800123453", "1 OF 2", 8750), ("1Z4A7Y96A800123462", "2 OF 2", 1600)]);
        labels.ShouldAllBe(l => l.AdultSignatureRequired && l.ContainsAlcohol && l.Reference == "OH-1042" && l.ServiceName == "UPS Ground");
    }

    [Fact]
    public void A_count_mismatch_between_packages_and_numbers_is_refused()
    {
        var purchase = new LabelPurchase(
            "k", "OH-1", Carrier.USPS, ServiceLevel.Ground, "A", Winery, "B", Customer, [new ShippingParcel(500, 10, 10, 10)], false, false,
            new DateOnly(2026, 12, 5));

        Should.Throw<ArgumentException>(() => LabelContent.For(purchase, new PurchasedLabel("S", [], 1m, "USD"), "USPS Ground Advantage"));
    }

    [Theory]
    [InlineData(453, "1.0 LB (0.45 KG)")] // 0.9987 lb, rounded up to the tenth
    [InlineData(454, "1.1 LB (0.45 KG)")] // 1.0009 lb
    [InlineData(8750, "19.3 LB (8.75 KG)")] // 19.29 lb
    public void Weight_is_printed_in_pounds_rounded_up_and_kilograms(int grams, string text) =>
        (SampleLabels.Plain() with { WeightGrams = grams }).WeightText.ShouldBe(text);

    [Fact]
    public void A_foreign_address_prints_its_country()
    {
        var label = SampleLabels.Plain() with { ShipTo = new Address("1 Rue de la Paix", null, "Paris", "IDF", "75002", "FR") };

        label.ToLines().ShouldBe(["JANE Q. CUSTOMER", "1 RUE DE LA PAIX", "PARIS, IDF 75002", "FR"]);
    }
}
