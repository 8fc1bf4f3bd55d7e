using OrderHub.Modules.Fulfillment.Estimates;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Estimates;

/// <summary>Hand-worked prices: (first pound + each further pound of the zone + adult signature) × 1.205 fuel, to the cent.</summary>
public sealed class ZoneAndWeightCostEstimatorTests
{
    private static readonly ZoneAndWeightCostEstimator Estimator = new();

    [Fact]
    public void A_bottle_within_one_zip3_is_zone_2_on_its_weight_rounded_up_to_whole_pounds()
    {
        // 1,400 g = 3.09 lb → 4 lb; 9.80 + 3 × 0.55 = 11.45; × 1.205 = 13.797 → 13.80
        Estimator.Estimate(new Lane("94558", "94574", "CA"), new Parcel(1_400), containsAlcohol: false).ShouldBe(13.80m);
    }

    [Fact]
    public void A_six_bottle_shipper_from_napa_to_dallas_pays_zone_6_actual_weight_and_adult_signature()
    {
        // |945 − 752| = 193 → zone 6; 8,754 g = 19.3 lb → 20 lb; dims 37×26×22 cm ≈ 15×10×9 in = 1,350 / 139 → 10 lb;
        // 12.40 + 19 × 1.45 = 39.95; + 9.00 signature = 48.95; × 1.205 = 58.98475 → 58.98
        Estimator.Estimate(new Lane("94558", "75201", "TX"), new Parcel(8_754, 37, 26, 22), containsAlcohol: true).ShouldBe(58.98m);
    }

    [Fact]
    public void A_bulky_light_box_pays_its_dimensional_weight()
    {
        // |945 − 100| → zone 8; 1,542 g → 4 lb; 41×14×14 cm ≈ 16×6×6 in = 576 / 139 = 4.14 → 5 lb; 14.10 + 4 × 2.20 = 22.90; × 1.205 = 27.5945 → 27.59
        Estimator.Estimate(new Lane("94558", "10001", "NY"), new Parcel(1_542, 41, 14, 14), containsAlcohol: false).ShouldBe(27.59m);
    }

    [Fact]
    public void Nothing_weighs_less_than_one_pound()
    {
        ZoneAndWeightCostEstimator.BillablePounds(new Parcel(0)).ShouldBe(1);
        ZoneAndWeightCostEstimator.BillablePounds(new Parcel(454)).ShouldBe(2);
        ZoneAndWeightCostEstimator.BillablePounds(new Parcel(453)).ShouldBe(1);
    }

    [Theory]
    [InlineData("94558", "94501", 2)]
    [InlineData("94558", "92001", 3)]
    [InlineData("94558", "91901", 4)]
    [InlineData("94558", "86901", 5)]
    [InlineData("94558", "79401", 6)]
    [InlineData("94558", "59901", 7)]
    [InlineData("94558", "44301", 8)]
    [InlineData("10001", "94558", 8)]
    [InlineData("94558", "K1A 0B1", 8)]
    public void The_zone_grows_with_the_distance_between_zip3_prefixes(string origin, string destination, int zone) =>
        ZoneAndWeightCostEstimator.Zone(origin, destination).ShouldBe(zone);

    [Fact]
    public void Alcohol_adds_the_signature_with_its_fuel()
    {
        var lane = new Lane("94558", "75201", "TX");
        var difference = Estimator.Estimate(lane, new Parcel(1_400), true) - Estimator.Estimate(lane, new Parcel(1_400), false);

        difference.ShouldBe(10.85m, tolerance: 0.01m);
    }
}
