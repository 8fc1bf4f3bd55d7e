using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>
/// The built-in tables, a plausible 2025 list-price chart per carrier (carriers.md §5: approximations, good for choosing
/// a carrier and quoting a cart, not a contract). Zones come from the first digits of the ZIP codes: the ten ZIP
/// regions run roughly east (0) to west (9), so their distance stands in for a real chart's mileage bands (the same
/// region is zone 2, coast to coast zone 8). Staff replace them through <c>PUT /api/v1/shipping/rate-tables</c>.
/// </summary>
internal static class DefaultRateTables
{
    /// <summary>Zone by the distance between the first ZIP digits (0 = the same ZIP region, 9 = coast to coast).</summary>
    private static readonly int[] ZoneByRegionDistance = [2, 4, 5, 6, 7, 7, 8, 8, 8, 8];

    /// <summary>Ground transit days by zone 2..8.</summary>
    private static readonly int[] GroundTransitByZone = [1, 2, 3, 4, 5, 5, 5];

    public static IReadOnlyList<CarrierRateTable> All { get; } =
    [
        Table(Carrier.UPS, 139, 20.5m, 5.95m, 9.25m, [(ServiceLevel.Ground, 1.00m), (ServiceLevel.TwoDay, 2.35m), (ServiceLevel.Overnight, 3.90m)]),
        Table(Carrier.FedEx, 139, 20.25m, 5.85m, 9.10m, [(ServiceLevel.Ground, 0.98m), (ServiceLevel.TwoDay, 2.30m), (ServiceLevel.Overnight, 4.00m)]),
        Table(Carrier.DHL, 139, 24.0m, 6.50m, 9.50m, [(ServiceLevel.TwoDay, 2.60m)]),
        Table(Carrier.USPS, 166, 0m, 0m, 8.50m, [(ServiceLevel.Ground, 0.80m), (ServiceLevel.TwoDay, 1.25m), (ServiceLevel.Overnight, 4.60m)], maxPounds: 70),
        Table(Carrier.Courier, 166, 8.0m, 0m, 4.00m, [(ServiceLevel.Overnight, 1.10m)], maxPounds: 50),
    ];

    private static CarrierRateTable Table(
        Carrier carrier, int divisor, decimal fuelPercent, decimal residential, decimal adultSignature, (ServiceLevel Level, decimal Factor)[] services, int maxPounds = 150) =>
        new(carrier, divisor, fuelPercent, residential, adultSignature, Zones(), [.. services.Select(s => Service(s.Level, s.Factor, maxPounds))]);

    private static List<ZoneRange> Zones()
    {
        var zones = new List<ZoneRange>();
        for (var origin = 0; origin <= 9; origin++)
        {
            for (var destination = 0; destination <= 9; destination++)
            {
                zones.Add(new ZoneRange($"{origin}00", $"{origin}99", $"{destination}00", $"{destination}99", ZoneByRegionDistance[Math.Abs(origin - destination)]));
            }
        }

        return zones;
    }

    private static ServiceRateTable Service(ServiceLevel level, decimal factor, int maxPounds)
    {
        var transit = new List<ZoneTransit>();
        var brackets = new List<WeightBracket>();
        for (var zone = 2; zone <= 8; zone++)
        {
            transit.Add(new ZoneTransit(zone, level switch
            {
                ServiceLevel.Ground => GroundTransitByZone[zone - 2],
                ServiceLevel.TwoDay => 2,
                _ => 1,
            }));
            var step = zone - 2;

            // Ground list prices (approx.): $9.80 zone 2 rising $0.60 a zone; per pound $0.55 rising $0.28 a zone; heavier
            // brackets cheaper per pound. Faster services scale by the carrier's factor.
            var basePrice = Math.Round((9.80m + (0.60m * step)) * factor, 2);
            var perPound = Math.Round((0.55m + (0.28m * step)) * factor, 2);
            brackets.Add(new WeightBracket(zone, 5, basePrice, perPound));
            brackets.Add(new WeightBracket(zone, 20, basePrice, Math.Round(perPound * 0.90m, 2)));
            brackets.Add(new WeightBracket(zone, maxPounds, basePrice, Math.Round(perPound * 0.80m, 2)));
        }

        return new ServiceRateTable(level, transit, brackets);
    }
}
