using OrderHub.Modules.Fulfillment.Estimates;

namespace OrderHub.Modules.Fulfillment.Packing.Cartonization;

/// <summary>
/// Units of one SKU to pack. A bottle is a 750 ml bottle that travels in a wine shipper; anything else needs its unit
/// dimensions (a box is chosen for it by size and weight).
/// </summary>
internal sealed record PackItem(string Sku, int Quantity, int UnitWeightGrams, bool IsBottle, Dimensions UnitDimensions = default);

internal sealed record PackedLine(string Sku, int Quantity);

/// <summary>
/// One package: the box (or <see cref="Cartonizer.OwnPackaging"/>), its packed weight including tare, the outer
/// dimensions the carrier measures, its lines, and its cost (box plus estimated carriage).
/// </summary>
internal sealed record PackedPackage(
    string BoxCode,
    int WeightGrams,
    int LengthCm,
    int WidthCm,
    int HeightCm,
    IReadOnlyList<PackedLine> Lines,
    decimal Cost,
    bool ContainsAlcohol);

internal sealed record CartonizationResult(IReadOnlyList<PackedPackage> Packages, decimal TotalCost);

/// <summary>One planned wine shipper: the box and how many bottles go in it.</summary>
internal readonly record struct ShipperFill(BoxType Box, int Bottles);

/// <summary>
/// Chooses the boxes for a fulfillment at the lowest total cost, where a package costs its box plus the estimator's
/// price of a <see cref="Parcel"/> with the packed weight and the box's outer dimensions (so dimensional weight counts).
/// Bottles only go in wine shippers (carriers accept wine in approved shippers only) and other things only in general
/// boxes; the two are packed apart.
/// <para>Bottles, exact: a dynamic programme over the number of bottles left, the choice being a shipper and how many
/// bottles it gets (a 6-shipper with 4 bottles is priced at its 4-bottle weight). It is exact when the bottles weigh the
/// same (750 ml bottles do, near enough); with mixed weights it plans on the mean weight, then fills the planned
/// shippers heaviest bottles first and prices each package on what it really holds.</para>
/// <para>Other things, a heuristic: first-fit decreasing by volume (a unit fits a box when its sides fit the inner
/// sides in some turn, the box stays within its maximum weight and the units' volume stays within
/// <see cref="FillFactor"/> of the inner volume, since volume alone ignores geometry). It is run once per general box
/// size as the size new boxes open in (a unit too large for it opens the smallest box it fits), each package is then
/// moved to the cheapest box that still holds it, and the cheapest run wins. A unit too large or heavy for every box
/// ships in its own packaging (<see cref="OwnPackaging"/>, its own dimensions).</para>
/// </summary>
internal sealed class Cartonizer(BoxCatalog catalog, IShippingCostEstimator estimator)
{
    public const string OwnPackaging = "OWN";

    public const double FillFactor = 0.85;

    public CartonizationResult Pack(IReadOnlyList<PackItem> items, Lane lane)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(lane);
        var bottles = new List<Unit>();
        var others = new List<Unit>();
        foreach (var item in items)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(item.Quantity);
            ArgumentOutOfRangeException.ThrowIfNegative(item.UnitWeightGrams);
            if (!item.IsBottle && item.Quantity > 0 && (item.UnitDimensions.LengthCm <= 0 || item.UnitDimensions.WidthCm <= 0 || item.UnitDimensions.HeightCm <= 0))
            {
                throw new ArgumentException($"{item.Sku} is not a bottle, so it needs its unit dimensions to be boxed.", nameof(items));
            }

            var target = item.IsBottle ? bottles : others;
            for (var i = 0; i < item.Quantity; i++)
            {
                target.Add(new Unit(item.Sku, item.UnitWeightGrams, item.UnitDimensions));
            }
        }

        var packages = new List<PackedPackage>();
        if (bottles.Count > 0)
        {
            packages.AddRange(PackBottles(bottles, lane));
        }

        if (others.Count > 0)
        {
            packages.AddRange(PackOthers(others, lane));
        }

        return new CartonizationResult(packages, packages.Sum(p => p.Cost));
    }

    /// <summary>
    /// The cheapest shippers for <paramref name="bottles"/> bottles of <paramref name="bottleWeightGrams"/> each, and their
    /// total cost. Ties go to fewer packages, then to the catalog's order.
    /// </summary>
    public (IReadOnlyList<ShipperFill> Shippers, decimal Cost) PlanBottles(int bottles, int bottleWeightGrams, Lane lane)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bottles);
        var fills = FillPrices(bottleWeightGrams, lane);
        if (bottles > 0 && fills.Count == 0)
        {
            throw new InvalidOperationException("No wine shipper in the catalog can carry a bottle of this weight.");
        }

        // best[m]: cheapest way to ship m bottles; count[m]: its package count (tie-break); choice[m]: the fill it starts with.
        var best = new decimal[bottles + 1];
        var count = new int[bottles + 1];
        var choice = new int[bottles + 1];
        for (var m = 1; m <= bottles; m++)
        {
            best[m] = decimal.MaxValue;
            for (var f = 0; f < fills.Count; f++)
            {
                var fill = fills[f];
                if (fill.Bottles > m || best[m - fill.Bottles] == decimal.MaxValue)
                {
                    continue;
                }

                var cost = fill.Price + best[m - fill.Bottles];
                var packages = count[m - fill.Bottles] + 1;
                if (cost < best[m] || (cost == best[m] && packages < count[m]))
                {
                    best[m] = cost;
                    count[m] = packages;
                    choice[m] = f;
                }
            }
        }

        if (best[bottles] == decimal.MaxValue)
        {
            throw new InvalidOperationException($"The wine shippers in the catalog cannot make up {bottles} bottles of this weight.");
        }

        var plan = new List<ShipperFill>(count[bottles]);
        for (var m = bottles; m > 0; m -= fills[choice[m]].Bottles)
        {
            plan.Add(new ShipperFill(fills[choice[m]].Box, fills[choice[m]].Bottles));
        }

        return (plan, best[bottles]);
    }

    /// <summary>What one package costs: its box plus carrying it (weight with tare, the box's outer dimensions).</summary>
    public decimal Price(BoxType box, int contentGrams, Lane lane, bool containsAlcohol) =>
        box.Cost + estimator.Estimate(lane, new Parcel(contentGrams + box.TareGrams, box.Outer.LengthCm, box.Outer.WidthCm, box.Outer.HeightCm), containsAlcohol);

    /// <summary>Every (shipper, bottles in it) that stays within the shipper's maximum weight, with its price.</summary>
    private List<(BoxType Box, int Bottles, decimal Price)> FillPrices(int bottleWeightGrams, Lane lane)
    {
        var fills = new List<(BoxType, int, decimal)>();
        foreach (var shipper in catalog.Shippers)
        {
            for (var k = 1; k <= shipper.Bottles; k++)
            {
                var content = k * bottleWeightGrams;
                if (content + shipper.TareGrams <= shipper.MaxWeightGrams)
                {
                    fills.Add((shipper, k, Price(shipper, content, lane, containsAlcohol: true)));
                }
            }
        }

        return fills;
    }

    private List<PackedPackage> PackBottles(List<Unit> bottles, Lane lane)
    {
        var mean = (int)Math.Ceiling(bottles.Average(b => (double)b.WeightGrams));
        var (plan, _) = PlanBottles(bottles.Count, mean, lane);

        // Heaviest bottles into the biggest fills; within a weight, by SKU so a package's lines stay few.
        bottles.Sort((a, b) => a.WeightGrams != b.WeightGrams ? b.WeightGrams.CompareTo(a.WeightGrams) : string.CompareOrdinal(a.Sku, b.Sku));
        var packages = new List<PackedPackage>(plan.Count);
        var next = 0;
        foreach (var fill in plan.OrderByDescending(p => p.Bottles))
        {
            var content = bottles.GetRange(next, fill.Bottles);
            next += fill.Bottles;
            packages.Add(Package(fill.Box, content, lane, containsAlcohol: true));
        }

        return packages;
    }

    private List<PackedPackage> PackOthers(List<Unit> units, Lane lane)
    {
        units.Sort((a, b) =>
        {
            var c = b.Dimensions.VolumeCm3.CompareTo(a.Dimensions.VolumeCm3);
            c = c != 0 ? c : b.WeightGrams.CompareTo(a.WeightGrams);
            return c != 0 ? c : string.CompareOrdinal(a.Sku, b.Sku);
        });

        var own = units.Where(u => !catalog.General.Any(box => Holds(box, [u]))).ToList();
        var boxable = units.Where(u => !own.Contains(u)).ToList();
        List<PackedPackage>? cheapest = null;
        foreach (var opening in catalog.General)
        {
            var run = FirstFitDecreasing(boxable, opening).ConvertAll(open => Package(CheapestHolding(open.Units, lane), open.Units, lane, containsAlcohol: false));
            if (cheapest is null || run.Sum(p => p.Cost) < cheapest.Sum(p => p.Cost))
            {
                cheapest = run;
            }
        }

        var packages = cheapest ?? [];
        foreach (var unit in own)
        {
            var d = unit.Dimensions;
            var cost = estimator.Estimate(lane, new Parcel(unit.WeightGrams, d.LengthCm, d.WidthCm, d.HeightCm), containsAlcohol: false);
            packages.Add(new PackedPackage(OwnPackaging, unit.WeightGrams, d.LengthCm, d.WidthCm, d.HeightCm, [new PackedLine(unit.Sku, 1)], cost, false));
        }

        return packages;
    }

    private List<OpenBox> FirstFitDecreasing(List<Unit> units, BoxType opening)
    {
        var open = new List<OpenBox>();
        foreach (var unit in units)
        {
            var placed = false;
            foreach (var box in open)
            {
                if (box.TryAdd(unit))
                {
                    placed = true;
                    break;
                }
            }

            if (!placed)
            {
                var type = Holds(opening, [unit]) ? opening : catalog.General.First(b => Holds(b, [unit]));
                var box = new OpenBox(type);
                box.TryAdd(unit);
                open.Add(box);
            }
        }

        return open;
    }

    private BoxType CheapestHolding(List<Unit> units, Lane lane)
    {
        var content = units.Sum(u => u.WeightGrams);
        return catalog.General.Where(b => Holds(b, units)).MinBy(b => Price(b, content, lane, containsAlcohol: false))!;
    }

    /// <summary>Sides fit in some turn, weight within the maximum, and (for more than one unit) volume within the fill factor.</summary>
    private static bool Holds(BoxType box, List<Unit> units)
    {
        long volume = 0;
        var weight = box.TareGrams;
        foreach (var unit in units)
        {
            if (!unit.Dimensions.FitsIn(box.Inner))
            {
                return false;
            }

            volume += unit.Dimensions.VolumeCm3;
            weight += unit.WeightGrams;
        }

        return weight <= box.MaxWeightGrams && (units.Count == 1 || volume <= FillFactor * box.Inner.VolumeCm3);
    }

    private PackedPackage Package(BoxType box, List<Unit> content, Lane lane, bool containsAlcohol)
    {
        var grams = content.Sum(u => u.WeightGrams);
        var lines = content.GroupBy(u => u.Sku, StringComparer.Ordinal).Select(g => new PackedLine(g.Key, g.Count())).ToList();
        return new PackedPackage(
            box.Code, grams + box.TareGrams, box.Outer.LengthCm, box.Outer.WidthCm, box.Outer.HeightCm, lines,
            Price(box, grams, lane, containsAlcohol), containsAlcohol);
    }

    private sealed record Unit(string Sku, int WeightGrams, Dimensions Dimensions);

    private sealed class OpenBox(BoxType type)
    {
        public List<Unit> Units { get; } = [];

        public bool TryAdd(Unit unit)
        {
            Units.Add(unit);
            if (Holds(type, Units))
            {
                return true;
            }

            Units.RemoveAt(Units.Count - 1);
            return false;
        }
    }
}
