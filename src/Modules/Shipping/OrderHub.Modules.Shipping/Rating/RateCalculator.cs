using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>
/// Prices a shipment from a carrier's <see cref="CarrierRateTable"/> (carriers.md §5): per package, each side rounded to
/// the nearest inch, dimensional weight = L×W×H ÷ divisor up to the next pound, actual weight up to the next pound,
/// billable = the larger; the bracket price of the billable pounds, plus residential and adult-signature surcharges per
/// package, plus fuel (a percent) on all of it. A multi-piece shipment is the sum of its packages.
/// </summary>
internal static class RateCalculator
{
    private const decimal GramsPerPound = 453.59237m;

    private const decimal CentimetresPerInch = 2.54m;

    /// <summary>Billable pounds of one package under <paramref name="divisor"/> (cubic inches per pound).</summary>
    public static int BillablePounds(ShippingParcel parcel, int divisor)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        var actual = ActualPounds(parcel);
        if (parcel.LengthCm <= 0 || parcel.WidthCm <= 0 || parcel.HeightCm <= 0)
        {
            return actual;
        }

        return Math.Max(actual, DimensionalPounds(Inches(parcel.LengthCm) * Inches(parcel.WidthCm) * Inches(parcel.HeightCm), divisor));
    }

    /// <summary>Dimensional pounds of a box of <paramref name="cubicInches"/> (already rounded sides): up to the next pound.</summary>
    public static int DimensionalPounds(decimal cubicInches, int divisor) => (int)Math.Ceiling(cubicInches / divisor);

    /// <summary>Actual weight up to the next pound, at least one.</summary>
    public static int ActualPounds(ShippingParcel parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        return Math.Max(1, (int)Math.Ceiling(parcel.WeightGrams / GramsPerPound));
    }

    /// <summary>A side in inches, rounded to the nearest inch (half away from zero).</summary>
    public static decimal Inches(int centimetres) => Math.Round(centimetres / CentimetresPerInch, MidpointRounding.AwayFromZero);

    /// <summary>The zone of a lane in <paramref name="table"/>'s chart, or null when no row covers it (not served).</summary>
    public static int? Zone(CarrierRateTable table, string originPostalCode, string destinationPostalCode)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Zip3(originPostalCode) is not { } origin || Zip3(destinationPostalCode) is not { } destination)
        {
            return null;
        }

        return table.Zones.FirstOrDefault(z => z.Matches(origin, destination))?.Zone;
    }

    /// <summary>Every service of <paramref name="table"/> that can take the shipment, priced; empty when the lane is not served.</summary>
    public static IReadOnlyList<CarrierRate> Rate(CarrierRateTable table, RateRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Packages.Count == 0 || Zone(table, request.From.PostalCode, request.To.PostalCode) is not { } zone)
        {
            return [];
        }

        var rates = new List<CarrierRate>();
        foreach (var service in table.Services)
        {
            if (CarrierCatalog.Find(table.Carrier, service.Service) is not { } offered
                || (offered.SameRegionOnly && !string.Equals(request.From.Region, request.To.Region, StringComparison.OrdinalIgnoreCase))
                || service.TransitDays.FirstOrDefault(t => t.Zone == zone) is not { } transit
                || Price(table, service, zone, request) is not { } amount)
            {
                continue;
            }

            rates.Add(new CarrierRate(table.Carrier, service.Service, offered.Name, amount, "USD", transit.Days));
        }

        return rates;
    }

    /// <summary>The price of the shipment by one service in one zone, or null when a package is heavier than its brackets.</summary>
    public static decimal? Price(CarrierRateTable table, ServiceRateTable service, int zone, RateRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var brackets = service.Brackets.Where(b => b.Zone == zone).OrderBy(b => b.UpToPounds).ToList();
        var adultSignature = CarrierCatalog.AdultSignatureRequired(request.ContainsAlcohol, request.AdultSignature);
        var total = 0m;
        foreach (var package in request.Packages)
        {
            var pounds = BillablePounds(package, table.DimDivisor);
            if (brackets.FirstOrDefault(b => b.UpToPounds >= pounds) is not { } bracket)
            {
                return null;
            }

            total += bracket.BasePrice + (bracket.PricePerPound * pounds);
            total += request.Residential ? table.ResidentialSurcharge : 0m;
            total += adultSignature ? table.AdultSignatureSurcharge : 0m;
        }

        return Math.Round(total * (1 + (table.FuelPercent / 100m)), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first three digits of a ZIP code, or null when it does not start with three digits.</summary>
    public static string? Zip3(string? postalCode) =>
        postalCode is { Length: >= 3 } && char.IsAsciiDigit(postalCode[0]) && char.IsAsciiDigit(postalCode[1]) && char.IsAsciiDigit(postalCode[2])
            ? postalCode[..3]
            : null;
}
