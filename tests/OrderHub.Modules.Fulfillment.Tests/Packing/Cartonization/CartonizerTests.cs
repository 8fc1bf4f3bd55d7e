using FsCheck;
using FsCheck.Fluent;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Packing.Cartonization;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Packing.Cartonization;

/// <summary>
/// Cheapest packages including dimensional weight: bottles exactly (checked against a brute force over every partition
/// of the bottle count), other things by first-fit decreasing.
/// </summary>
public sealed class CartonizerTests
{
    private const int Bottle = 1_400;

    private static readonly Lane Lane = new("94558", "10001", "NY");

    [Fact]
    public void The_bottle_plan_is_exactly_optimal_for_1_to_24_bottles()
    {
        var estimator = new BillableWeightEstimator(Base: 9.50m, PerLb: 0.85m, AlcoholSurcharge: 4.00m);
        var cartonizer = new Cartonizer(BoxCatalog.Default, estimator);

        for (var n = 1; n <= 24; n++)
        {
            var (plan, cost) = cartonizer.PlanBottles(n, Bottle, Lane);

            cost.ShouldBe(BruteForce(BoxCatalog.Default, estimator, n, Bottle), $"{n} bottles");
            plan.Sum(p => p.Bottles).ShouldBe(n);
            plan.Sum(p => p.Box.Cost + estimator.Estimate(Lane, Parcel(p.Box, p.Bottles * Bottle), true)).ShouldBe(cost);
        }
    }

    [Fact]
    public void Property_the_bottle_plan_matches_the_brute_force_under_any_rate_card()
    {
        var cards =
            from baseRate in Gen.Choose(0, 2000)
            from perLb in Gen.Choose(0, 400)
            from surcharge in Gen.Choose(0, 1500)
            from divisor in Gen.Elements(139, 166, 250)
            from weight in Gen.Choose(1_100, 1_700)
            from n in Gen.Choose(1, 24)
            select (estimator: new BillableWeightEstimator(baseRate / 100m, perLb / 100m, surcharge / 100m, divisor), weight, n);

        Prop.ForAll(cards.ToArbitrary(), c =>
        {
            var (_, cost) = new Cartonizer(BoxCatalog.Default, c.estimator).PlanBottles(c.n, c.weight, Lane);

            cost.ShouldBe(BruteForce(BoxCatalog.Default, c.estimator, c.n, c.weight), c.ToString());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Twelve_bottles_go_in_one_12_shipper_when_that_is_cheapest()
    {
        var result = new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(9.50m, 0.85m, 4.00m)).Pack([Wine("CAB", 12)], Lane);

        var package = result.Packages.ShouldHaveSingleItem();
        package.BoxCode.ShouldBe("WS12");
        package.Lines.ShouldBe([new PackedLine("CAB", 12)]);
        package.WeightGrams.ShouldBe((12 * Bottle) + 2_600);
        (package.LengthCm, package.WidthCm, package.HeightCm).ShouldBe((40, 32, 40));
        package.ContainsAlcohol.ShouldBeTrue();
        result.TotalCost.ShouldBe(package.Cost);
    }

    [Fact]
    public void With_a_high_per_package_charge_five_bottles_go_in_one_part_filled_6_shipper()
    {
        var result = new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(30m, 0.10m, 0m)).Pack([Wine("CAB", 5)], Lane);

        result.Packages.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.BoxCode.ShouldBe("WS6"),
            p => p.Lines.ShouldBe([new PackedLine("CAB", 5)]));
    }

    [Fact]
    public void Dimensional_weight_makes_a_bigger_box_cost_more_and_a_light_item_goes_in_the_small_box()
    {
        var estimator = new BillableWeightEstimator(8m, 0.90m, 0m);
        var cartonizer = new Cartonizer(BoxCatalog.Default, estimator);
        var boxes = BoxCatalog.Default.General;

        var prices = boxes.Select(b => cartonizer.Price(b, 300, Lane, containsAlcohol: false) - b.Cost).ToList();
        prices.ShouldBe(prices.Order().ToList());
        prices[^1].ShouldBeGreaterThan(prices[0]);

        var result = cartonizer.Pack([Other("OPENER", 1, 300, new(15, 5, 3))], Lane);
        result.Packages.ShouldHaveSingleItem().BoxCode.ShouldBe("S");
    }

    [Fact]
    public void Other_things_share_a_box_when_that_is_cheaper_than_two_and_never_go_with_bottles()
    {
        var cartonizer = new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(9m, 0.9m, 4m));

        var result = cartonizer.Pack([Wine("CAB", 2), Other("GLASS", 4, 400, new(12, 12, 20)), Other("OPENER", 2, 150, new(15, 5, 3))], Lane);

        var bottles = result.Packages.Where(p => p.ContainsAlcohol).ShouldHaveSingleItem();
        bottles.BoxCode.ShouldBe("WS2");
        var other = result.Packages.Where(p => !p.ContainsAlcohol).ShouldHaveSingleItem();
        other.BoxCode.ShouldBe("M");
        other.Lines.ShouldBe([new PackedLine("GLASS", 4), new PackedLine("OPENER", 2)]);
        other.WeightGrams.ShouldBe((4 * 400) + (2 * 150) + 450);
    }

    [Fact]
    public void A_thing_too_big_for_every_box_ships_in_its_own_packaging()
    {
        var result = new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(9m, 0.9m, 0m)).Pack([Other("RACK", 1, 9_000, new(120, 40, 30))], Lane);

        var package = result.Packages.ShouldHaveSingleItem();
        package.ShouldBe(package with { BoxCode = Cartonizer.OwnPackaging, WeightGrams = 9_000, LengthCm = 120, WidthCm = 40, HeightCm = 30 });
    }

    [Fact]
    public void A_four_bottle_shipper_added_to_the_catalog_is_used_when_cheapest()
    {
        var catalog = new BoxCatalog([.. BoxCatalog.Default.Boxes, new BoxType("WS4", BoxKind.WineShipper, new(35, 18, 17), new(41, 24, 23), 1_000, 9_000, 3.90m, Bottles: 4)]);

        var result = new Cartonizer(catalog, new BillableWeightEstimator(12m, 0.85m, 4m)).Pack([Wine("CAB", 4)], Lane);

        result.Packages.ShouldHaveSingleItem().BoxCode.ShouldBe("WS4");
    }

    [Fact]
    public void Mixed_bottle_weights_fill_the_planned_shippers_and_each_package_is_priced_on_what_it_holds()
    {
        var estimator = new BillableWeightEstimator(9.50m, 0.85m, 4.00m);
        var result = new Cartonizer(BoxCatalog.Default, estimator).Pack([Wine("CAB", 7, 1_500), Wine("ROS", 5, 1_250)], Lane);

        result.Packages.Sum(p => p.Lines.Sum(l => l.Quantity)).ShouldBe(12);
        result.Packages.Sum(p => p.WeightGrams).ShouldBe((7 * 1_500) + (5 * 1_250) + result.Packages.Sum(p => BoxCatalog.Default.Boxes.Single(b => b.Code == p.BoxCode).TareGrams));
        result.TotalCost.ShouldBe(result.Packages.Sum(p => p.Cost));
    }

    [Fact]
    public void A_thing_without_dimensions_is_refused() =>
        Should.Throw<ArgumentException>(() => new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(1m, 1m, 1m)).Pack([new PackItem("GIFT", 1, 200, IsBottle: false)], Lane))
            .Message.ShouldStartWith("GIFT is not a bottle, so it needs its unit dimensions to be boxed.");

    [Fact]
    public void Nothing_to_pack_is_no_package() =>
        new Cartonizer(BoxCatalog.Default, new BillableWeightEstimator(1m, 1m, 1m)).Pack([], Lane).ShouldBe(new CartonizationResult([], 0m), new ResultComparer());

    /// <summary>Every partition of n into shipper fills, each part priced in the cheapest shipper that takes it.</summary>
    private static decimal BruteForce(BoxCatalog catalog, BillableWeightEstimator estimator, int n, int bottleGrams)
    {
        decimal PartCost(int k) => catalog.Shippers
            .Where(s => s.Bottles >= k && s.TareGrams + (k * bottleGrams) <= s.MaxWeightGrams)
            .Select(s => s.Cost + estimator.Estimate(Lane, Parcel(s, k * bottleGrams), true))
            .DefaultIfEmpty(decimal.MaxValue / 100)
            .Min();

        var best = decimal.MaxValue;
        void Partition(int left, int maxPart, decimal sofar)
        {
            if (left == 0)
            {
                best = Math.Min(best, sofar);
                return;
            }

            for (var k = Math.Min(left, maxPart); k >= 1; k--)
            {
                Partition(left - k, k, sofar + PartCost(k));
            }
        }

        Partition(n, n, 0m);
        return best;
    }

    private static Parcel Parcel(BoxType box, int contentGrams) =>
        new(contentGrams + box.TareGrams, box.Outer.LengthCm, box.Outer.WidthCm, box.Outer.HeightCm);

    private static PackItem Wine(string sku, int quantity, int grams = Bottle) => new(sku, quantity, grams, IsBottle: true);

    private static PackItem Other(string sku, int quantity, int grams, Dimensions dimensions) => new(sku, quantity, grams, IsBottle: false, dimensions);

    private sealed class ResultComparer : IEqualityComparer<CartonizationResult>
    {
        public bool Equals(CartonizationResult? x, CartonizationResult? y) =>
            x is not null && y is not null && x.TotalCost == y.TotalCost && x.Packages.SequenceEqual(y.Packages);

        public int GetHashCode(CartonizationResult obj) => obj.TotalCost.GetHashCode();
    }
}

/// <summary>
/// A fake rate card on billable weight (carriers.md): sides rounded to the inch, L×W×H ÷ divisor up to the next lb,
/// actual weight up to the next lb, the larger of the two; a flat base, a rate per lb and an alcohol surcharge.
/// </summary>
internal sealed record BillableWeightEstimator(decimal Base, decimal PerLb, decimal AlcoholSurcharge, int Divisor = 139) : IShippingCostEstimator
{
    public decimal Estimate(Lane lane, Parcel parcel, bool containsAlcohol) =>
        Base + (PerLb * BillableLb(parcel, Divisor)) + (containsAlcohol ? AlcoholSurcharge : 0m);

    public static int BillableLb(Parcel parcel, int divisor = 139)
    {
        static double Inches(int cm) => Math.Round(cm / 2.54, MidpointRounding.AwayFromZero);
        var actual = (int)Math.Ceiling(parcel.WeightGrams / 453.59237);
        var dimensional = (int)Math.Ceiling(Inches(parcel.LengthCm) * Inches(parcel.WidthCm) * Inches(parcel.HeightCm) / divisor);
        return Math.Max(actual, dimensional);
    }
}
