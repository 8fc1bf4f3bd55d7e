namespace OrderHub.Modules.Fulfillment.Estimates;

/// <summary>
/// The built-in estimate until Shipping's rate tables answer: a ground rate by zone and billable pound, plus the adult
/// signature alcohol always needs, plus fuel on both. Figures are approximations of 2025 ground list prices
/// (shared/design/carriers.md §5), good for comparing ship-from locations, not for quoting a carrier's price.
/// </summary>
internal sealed class ZoneAndWeightCostEstimator : IShippingCostEstimator
{
    public const decimal AdultSignatureSurcharge = 9.00m;

    /// <summary>Fuel is charged on transport and on accessorials alike, as carriers do.</summary>
    public const decimal FuelSurchargeRate = 0.205m;

    /// <summary>Carriers' daily-rate divisor (cubic inches per pound).</summary>
    private const int DimensionalDivisor = 139;

    private const decimal GramsPerPound = 453.59237m;

    private const decimal CentimetresPerInch = 2.54m;

    /// <summary>Zones 2..8 (index 0..6): the first pound, and each pound after it.</summary>
    private static readonly (decimal FirstPound, decimal EachFurtherPound)[] RatesByZone =
    [
        (9.80m, 0.55m),
        (10.30m, 0.70m),
        (10.90m, 0.90m),
        (11.60m, 1.15m),
        (12.40m, 1.45m),
        (13.20m, 1.80m),
        (14.10m, 2.20m),
    ];

    /// <summary>
    /// Largest |origin ZIP3 − destination ZIP3| of zones 2..7; anything further is zone 8. ZIP3 prefixes run roughly
    /// east to west, so their difference stands in for the distance bands of a real zone chart (≤150 mi zone 2 … zone 8).
    /// </summary>
    private static readonly int[] Zip3DifferenceLimits = [0, 25, 75, 150, 300, 500];

    public decimal Estimate(Lane lane, Parcel parcel, bool containsAlcohol)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(parcel);
        var (firstPound, eachFurtherPound) = RatesByZone[Zone(lane.OriginPostalCode, lane.DestinationPostalCode) - 2];
        var transport = firstPound + (eachFurtherPound * (BillablePounds(parcel) - 1));
        var accessorials = containsAlcohol ? AdultSignatureSurcharge : 0m;
        return Math.Round((transport + accessorials) * (1 + FuelSurchargeRate), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Zone 2 (same ZIP3) to 8; a ZIP that does not start with three digits is priced as the farthest zone.</summary>
    internal static int Zone(string originPostalCode, string destinationPostalCode)
    {
        if (Zip3(originPostalCode) is not { } origin || Zip3(destinationPostalCode) is not { } destination)
        {
            return 8;
        }

        var difference = Math.Abs(origin - destination);
        var band = Array.FindIndex(Zip3DifferenceLimits, limit => difference <= limit);
        return band < 0 ? 8 : band + 2;
    }

    /// <summary>
    /// Actual weight up to the next pound (at least one); with dimensions, the larger of that and the dimensional weight
    /// (each side rounded to the nearest inch, L×W×H ÷ 139, up to the next pound).
    /// </summary>
    internal static int BillablePounds(Parcel parcel) => BillablePounds(parcel, DimensionalDivisor);

    /// <summary>As above, under a carrier's own dimensional <paramref name="divisor"/> (cubic inches per pound).</summary>
    internal static int BillablePounds(Parcel parcel, int divisor)
    {
        var actual = Math.Max(1, (int)Math.Ceiling(parcel.WeightGrams / GramsPerPound));
        if (parcel.LengthCm <= 0 || parcel.WidthCm <= 0 || parcel.HeightCm <= 0)
        {
            return actual;
        }

        var cubicInches = Inches(parcel.LengthCm) * Inches(parcel.WidthCm) * Inches(parcel.HeightCm);
        return Math.Max(actual, (int)Math.Ceiling(cubicInches / divisor));
    }

    private static decimal Inches(int centimetres) => Math.Round(centimetres / CentimetresPerInch, MidpointRounding.AwayFromZero);

    private static int? Zip3(string postalCode) =>
        postalCode is { Length: >= 3 } && char.IsAsciiDigit(postalCode[0]) && char.IsAsciiDigit(postalCode[1]) && char.IsAsciiDigit(postalCode[2])
            ? ((postalCode[0] - '0') * 100) + ((postalCode[1] - '0') * 10) + (postalCode[2] - '0')
            : null;
}
