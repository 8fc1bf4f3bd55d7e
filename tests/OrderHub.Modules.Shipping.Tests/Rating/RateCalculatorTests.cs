using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Rating;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Rating;

/// <summary>Billable weight and prices as carriers.md §5 works them out.</summary>
public sealed class RateCalculatorTests
{
    private static readonly Address Napa = new("1200 Vineyard Ave", null, "Napa", "CA", "94558", "US");
    private static readonly Address Manhattan = new("200 W 79th St", null, "New York", "NY", "10024", "US");

    [Fact]
    public void A_six_bottle_shipper_bills_its_actual_weight_and_a_one_bottle_shipper_its_dimensional_weight()
    {
        // 14.4 x 10.2 x 8.6 in (36.6 x 25.9 x 21.8 cm) at 19.3 lb: sides 14 x 10 x 9 = 1260 / 139 = 9.06 -> 10; actual 20 -> 20.
        RateCalculator.BillablePounds(new ShippingParcel(8754, 37, 26, 22), 139).ShouldBe(20);

        // 16.2 x 5.6 x 5.5 in at 3.4 lb: sides 16 x 6 x 6 = 576 / 139 = 4.14 -> 5 vs actual 4 -> 5; retail 576 / 166 -> 4.
        var oneBottle = new ShippingParcel(1542, 41, 14, 14);
        RateCalculator.BillablePounds(oneBottle, 139).ShouldBe(5);
        RateCalculator.BillablePounds(oneBottle, 166).ShouldBe(4);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(453, 1)]
    [InlineData(454, 2)]
    [InlineData(9071, 20)]
    [InlineData(9072, 21)]
    public void Actual_weight_goes_up_to_the_next_pound(int grams, int pounds) =>
        RateCalculator.ActualPounds(new ShippingParcel(grams, 0, 0, 0)).ShouldBe(pounds);

    [Fact]
    public void The_price_is_the_bracket_plus_surcharges_per_package_with_fuel_on_all_of_it()
    {
        var table = new CarrierRateTable(Carrier.UPS, 139, 10m, 5m, 9m,
            [new ZoneRange("900", "999", "000", "199", 8)],
            [new ServiceRateTable(ServiceLevel.Ground, [new ZoneTransit(8, 5)], [new WeightBracket(8, 5, 10m, 2m), new WeightBracket(8, 30, 12m, 1.5m)])]);
        var twoPackages = new RateRequest(Napa, Manhattan, [new ShippingParcel(1542, 41, 14, 14), new ShippingParcel(8754, 37, 26, 22)], ContainsAlcohol: true, AdultSignature: false);

        var rate = RateCalculator.Rate(table, twoPackages).ShouldHaveSingleItem();

        // 5 lb: 10 + 2x5 = 20; 20 lb: 12 + 1.5x20 = 42; residential 5 and adult signature 9 each: 62 + 28 = 90; fuel 10% -> 99.
        rate.ShouldBe(new CarrierRate(Carrier.UPS, ServiceLevel.Ground, "UPS Ground", 99.00m, "USD", 5));
        RateCalculator.Rate(table, twoPackages with { ContainsAlcohol = false, Residential = false }).Single().Amount.ShouldBe(68.20m);
    }

    [Fact]
    public void A_lane_outside_the_chart_or_a_package_heavier_than_the_brackets_has_no_rate()
    {
        var table = DefaultRateTables.All.Single(t => t.Carrier == Carrier.USPS);
        var request = new RateRequest(Napa, Manhattan, [new ShippingParcel(40_000, 50, 40, 40)], ContainsAlcohol: false, AdultSignature: false);
        RateCalculator.Rate(table, request).ShouldBeEmpty(); // 89 lb > USPS's 70
        RateCalculator.Rate(table, request with { To = Manhattan with { PostalCode = "ABC" } }).ShouldBeEmpty();
    }

    [Fact]
    public void The_courier_serves_only_its_own_state_and_the_built_in_tables_price_every_carrier_service()
    {
        var parcel = new ShippingParcel(1542, 41, 14, 14);
        var inState = new RateRequest(Napa, Napa with { City = "Sonoma", PostalCode = "95476" }, [parcel], ContainsAlcohol: false, AdultSignature: false);
        var courier = DefaultRateTables.All.Single(t => t.Carrier == Carrier.Courier);
        RateCalculator.Rate(courier, inState).ShouldHaveSingleItem().ServiceName.ShouldBe("Courier Same-Region");
        RateCalculator.Rate(courier, inState with { To = Manhattan }).ShouldBeEmpty();

        var everything = DefaultRateTables.All.SelectMany(t => RateCalculator.Rate(t, inState with { To = Manhattan })).ToList();
        everything.Select(r => r.ServiceName).ShouldBe(
            ["UPS Ground", "UPS 2nd Day Air", "UPS Next Day Air", "FedEx Ground", "FedEx 2Day", "FedEx Priority Overnight", "DHL Express",
                "USPS Ground Advantage", "USPS Priority Mail", "USPS Priority Mail Express"]);
        everything.ShouldAllBe(r => r.Amount > 5m && r.Amount < 200m);
        everything.Single(r => r.ServiceName == "UPS Ground").TransitDays.ShouldBe(5);
    }

    [Fact]
    public void Business_days_skip_the_weekend() =>
        BusinessDays.Add(new DateOnly(2026, 12, 4), 2).ShouldBe(new DateOnly(2026, 12, 8)); // Friday + 2 = Tuesday
}
