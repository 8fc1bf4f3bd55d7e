namespace OrderHub.Modules.Fulfillment.Packing.Cartonization;

/// <summary>Length, width and height in whole centimetres.</summary>
internal readonly record struct Dimensions(int LengthCm, int WidthCm, int HeightCm)
{
    public long VolumeCm3 => (long)LengthCm * WidthCm * HeightCm;

    /// <summary>True when a thing of these dimensions fits inside <paramref name="inner"/> in some axis-aligned turn.</summary>
    public bool FitsIn(Dimensions inner)
    {
        Span<int> a = [LengthCm, WidthCm, HeightCm];
        Span<int> b = [inner.LengthCm, inner.WidthCm, inner.HeightCm];
        a.Sort();
        b.Sort();
        return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2];
    }
}

internal enum BoxKind
{
    /// <summary>A carrier-approved wine shipper (molded pulp or foam inserts) holding up to <see cref="BoxType.Bottles"/> 750 ml bottles.</summary>
    WineShipper,

    /// <summary>A plain corrugated box for everything that is not a bottle.</summary>
    General,
}

/// <summary>
/// A box OrderHub can pack into: inner dimensions (what fits), outer dimensions (what the carrier measures for
/// dimensional weight), tare, the most it may weigh packed, and what the box itself costs.
/// </summary>
internal sealed record BoxType(
    string Code,
    BoxKind Kind,
    Dimensions Inner,
    Dimensions Outer,
    int TareGrams,
    int MaxWeightGrams,
    decimal Cost,
    int Bottles = 0);

/// <summary>
/// The boxes a location packs with. Data, not code: a 4-bottle shipper is one more <see cref="BoxType"/> in the list
/// given to the constructor (the cartonizer reads shipper sizes from here).
/// </summary>
internal sealed class BoxCatalog
{
    public BoxCatalog(IEnumerable<BoxType> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        Boxes = [.. boxes];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var box in Boxes)
        {
            if (!codes.Add(box.Code))
            {
                throw new ArgumentException($"Box code {box.Code} is in the catalog twice.", nameof(boxes));
            }

            if (box.Kind == BoxKind.WineShipper && box.Bottles < 1)
            {
                throw new ArgumentException($"Wine shipper {box.Code} must hold at least one bottle.", nameof(boxes));
            }
        }

        Shippers = [.. Boxes.Where(b => b.Kind == BoxKind.WineShipper).OrderBy(b => b.Bottles)];
        General = [.. Boxes.Where(b => b.Kind == BoxKind.General).OrderBy(b => b.Inner.VolumeCm3).ThenBy(b => b.Cost)];
    }

    public IReadOnlyList<BoxType> Boxes { get; }

    /// <summary>Wine shippers, fewest bottles first.</summary>
    public IReadOnlyList<BoxType> Shippers { get; }

    /// <summary>General boxes, smallest first.</summary>
    public IReadOnlyList<BoxType> General { get; }

    /// <summary>
    /// Shippers of 1, 2, 3, 6 and 12 bottles of 750 ml and general boxes S, M and L. Dimensions are typical of molded-pulp
    /// shippers (a 750 ml bottle is about 8 cm across and 30-33 cm tall); costs are what a winery pays per box.
    /// </summary>
    public static BoxCatalog Default { get; } = new(
    [
        new("WS1", BoxKind.WineShipper, new(35, 9, 9), new(41, 14, 14), 450, 4_000, 2.10m, Bottles: 1),
        new("WS2", BoxKind.WineShipper, new(35, 18, 9), new(41, 24, 14), 700, 6_000, 2.95m, Bottles: 2),
        new("WS3", BoxKind.WineShipper, new(35, 27, 9), new(41, 33, 14), 950, 8_000, 3.80m, Bottles: 3),
        new("WS6", BoxKind.WineShipper, new(35, 26, 17), new(42, 31, 23), 1_500, 14_000, 5.40m, Bottles: 6),
        new("WS12", BoxKind.WineShipper, new(34, 26, 33), new(40, 32, 40), 2_600, 27_000, 8.20m, Bottles: 12),
        new("S", BoxKind.General, new(30, 20, 15), new(31, 21, 16), 250, 10_000, 0.85m),
        new("M", BoxKind.General, new(40, 30, 25), new(41, 31, 26), 450, 20_000, 1.45m),
        new("L", BoxKind.General, new(60, 40, 40), new(61, 41, 41), 800, 30_000, 2.60m),
    ]);
}
