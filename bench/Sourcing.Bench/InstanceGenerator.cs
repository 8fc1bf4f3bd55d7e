using System.Globalization;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace Sourcing.Bench;

/// <summary>
/// Seeded sourcing instances shaped like a US winery's: warehouses, stores (some not shipping to consumers) and a few
/// dropship suppliers spread over the country, each licensed for most but not all states; a catalog where a third of
/// the wines are widely stocked and the rest scarce; orders of 1-6 lines of 1-12 bottles (~10% accessories), 15% club.
/// </summary>
internal sealed class InstanceGenerator(int seed)
{
    private static readonly (string State, string Zip)[] Places =
    [
        ("CA", "94558"), ("CA", "95476"), ("CA", "90012"), ("CA", "93401"), ("OR", "97201"), ("WA", "98101"), ("WA", "99362"),
        ("TX", "75201"), ("TX", "78701"), ("TX", "77002"), ("NY", "10001"), ("NY", "14850"), ("IL", "60601"), ("FL", "33101"),
        ("GA", "30303"), ("CO", "80202"), ("AZ", "85004"), ("MA", "02108"), ("PA", "19103"), ("VA", "23219"), ("NC", "27601"),
        ("OH", "43215"), ("MN", "55401"), ("MI", "48226"), ("NV", "89501"), ("NJ", "07102"), ("WI", "53202"), ("MO", "63101"),
        ("TN", "37201"), ("LA", "70112"),
    ];

    private static readonly string[] States = [.. Places.Select(p => p.State).Distinct()];

    private const int Wines = 54;
    private const int Accessories = 6;
    private const int WidelyStocked = 18;

    private readonly Random _random = new(seed);

    public static int Grams(int sku) => sku >= Wines ? 200 + (sku - Wines) * 140 : sku % 9 == 0 ? 3_100 : 1_300 + (sku % 5 * 50);

    public static string Sku(int sku) => sku >= Wines ? $"ACC-{sku - Wines:D2}" : $"WINE-{sku:D2}";

    public CandidateLocation[] Network(int locations) => [.. Enumerable.Range(0, locations).Select(Location)];

    public SourcingRequest Order(CandidateLocation[] network, int maxLines)
    {
        var (state, zip) = Places[_random.Next(Places.Length)];
        var lineCount = _random.Next(1, maxLines + 1);
        var skus = new HashSet<int>();
        while (skus.Count < lineCount)
        {
            skus.Add(_random.NextDouble() < 0.10 ? Wines + _random.Next(Accessories) : Popular());
        }

        var lines = skus.Select((sku, n) => new SourcingLine(n + 1, Sku(sku), _random.Next(1, 13), Grams(sku), sku < Wines)).ToArray();
        var channel = _random.NextDouble() < 0.15 ? "club" : "web";
        return new SourcingRequest(lines, new Destination(state, zip[..3] + _random.Next(100).ToString("D2", CultureInfo.InvariantCulture), "US"), channel, network);
    }

    /// <summary>Orders lean to the widely stocked wines, as sales do.</summary>
    private int Popular() => _random.NextDouble() < 0.6 ? _random.Next(WidelyStocked) : _random.Next(Wines);

    private CandidateLocation Location(int index)
    {
        var roll = _random.NextDouble();
        var kind = roll < 0.6 ? LocationKind.Warehouse : roll < 0.9 ? LocationKind.Store : LocationKind.Supplier;
        var (_, zip) = Places[_random.Next(Places.Length)];
        var licensed = States.Where(_ => _random.NextDouble() < 0.85).ToHashSet();
        var stock = new Dictionary<string, int>();
        for (var sku = 0; sku < Wines + Accessories; sku++)
        {
            var carried = kind == LocationKind.Supplier ? 0.5 : sku < WidelyStocked || sku >= Wines ? 0.7 : 0.25;
            if (_random.NextDouble() < carried)
            {
                stock[Sku(sku)] = kind == LocationKind.Supplier ? _random.Next(24, 200) : sku < WidelyStocked ? _random.Next(0, 49) : _random.Next(0, 13);
            }
        }

        var handling = kind switch
        {
            LocationKind.Warehouse => 1.50m + (_random.Next(150) / 100m),
            LocationKind.Store => 3.00m + (_random.Next(200) / 100m),
            _ => _random.Next(100) / 100m,
        };
        var limitRoll = _random.NextDouble();
        int? remaining = limitRoll < 0.05 ? 0 : limitRoll < 0.15 ? _random.Next(1, 50) : null;
        return new CandidateLocation(
            $"{kind.ToString()[..2].ToUpperInvariant()}{index:D2}",
            kind,
            zip,
            kind != LocationKind.Store || _random.NextDouble() < 0.7,
            licensed,
            stock,
            handling,
            remaining,
            _random.NextDouble() < 0.10);
    }
}
