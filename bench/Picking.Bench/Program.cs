using System.Diagnostics;
using System.Globalization;
using OrderHub.Modules.Fulfillment.Documents;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Packing.Cartonization;
using OrderHub.Modules.Fulfillment.Picking.Waves;

// Times the pure picking and packing code of Fulfillment, no database, with a Stopwatch harness: the input is built
// once, each case is warmed up, then run N times (a GC before each run); the median and best run count, and the bytes
// allocated by one run (GC.GetAllocatedBytesForCurrentThread).
//   wave:        PickWavePlanner.Plan over a location of 400 bins, 300 SKUs with 2-3 lots each (some with an expiry,
//                some expired, a few quarantined), 500 open fulfillments of 10 lines each (5,000 lines).
//   cartonize:   Cartonizer.Pack for 1,000 orders (1-24 bottles of one to three SKUs, every fifth with accessories),
//                priced by a zone-and-billable-weight rate card (dimensional weight L x W x H in inches / 139).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
var today = new DateOnly(2026, 12, 5);
var (open, stock) = Location(today);
var orders = Orders();
var cartonizer = new Cartonizer(BoxCatalog.Default, new RateCard());

Console.WriteLine($"{runs} runs after warm-up; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
Console.WriteLine($"location: {stock.Count} stock rows in {stock.Select(s => s.Bin).Distinct().Count()} bins, {stock.Select(s => s.Sku).Distinct().Count()} SKUs; wave: {open.Count} fulfillments, {open.Sum(f => f.Lines.Count)} lines");

var wave = PickWavePlanner.Plan(open, stock, today);
Console.WriteLine($"wave result: {wave.Items.Count} items, {wave.Shortages.Count} shortages ({wave.Shortages.Sum(s => s.Missing)} units)");
Measure("wave 500 orders / 5,000 lines", () => PickWavePlanner.Plan(open, stock, today).Items.Count);

var packed = orders.Sum(o => cartonizer.Pack(o.Items, o.Lane).Packages.Count);
Console.WriteLine($"cartonize result: {orders.Count} orders -> {packed} packages");
Measure("cartonize 1,000 orders", () => orders.Sum(o => cartonizer.Pack(o.Items, o.Lane).Packages.Count));

var sheet = new PickListView(
    "PL-20261205-0001", "NAPA-WH", "Napa Valley warehouse", DateTimeOffset.UtcNow,
    [.. wave.Items.Select(i => PickListLineView.From(i, $"Cabernet Sauvignon, Napa Valley {2015 + (i.Sequence % 9)} ({i.Sku})"))]);
var pdf = PickListDocument.Render(sheet);
Console.WriteLine($"pick list PDF: {sheet.Items.Count} items -> {pdf.Length / 1024.0:F0} KiB");
Measure($"pick list PDF, {sheet.Items.Count} items", () => PickListDocument.Render(sheet).Length);

var line = new Cartonizer(BoxCatalog.Default, new RateCard());
for (var n = 1; n <= 24; n++)
{
    var (plan, cost) = line.PlanBottles(n, 1_450, new Lane("94558", "10024", "NY"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n,2} bottles to 10024: {string.Join(" + ", plan.Select(p => p.Bottles == p.Box.Bottles ? p.Box.Code : $"{p.Box.Code}({p.Bottles})"))}  {cost:F2}"));
}

void Measure(string name, Func<int> run)
{
    for (var i = 0; i < 3; i++)
    {
        run();
    }

    var times = new List<double>(runs);
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        run();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    times.Sort();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-32} median {times[times.Count / 2],8:F2} ms   best {times[0],8:F2} ms   allocated {allocated / 1_048_576.0,7:F2} MiB a run"));
}

static (List<WaveFulfillment> Open, List<PickableStock> Stock) Location(DateOnly today)
{
    var random = new Random(20261205);
    var bins = new List<string>(400);
    foreach (var aisle in "ABCDEFGHIJ")
    {
        for (var bay = 1; bay <= 10; bay++)
        {
            for (var level = 1; level <= 4; level++)
            {
                bins.Add($"{aisle}-{bay:00}-{level}");
            }
        }
    }

    var stock = new List<PickableStock>();
    for (var s = 0; s < 300; s++)
    {
        var lots = 2 + (s % 2);
        for (var l = 0; l < lots; l++)
        {
            DateOnly? expires = s % 7 == 0 ? today.AddDays(random.Next(-20, 500)) : null;
            stock.Add(new PickableStock(
                bins[random.Next(bins.Count)], $"WINE-{s:000}-750", $"L{2020 + l}-{s:000}", random.Next(12, 120), expires,
                today.AddDays(-random.Next(30, 1500)), Quarantined: random.Next(60) == 0));
        }
    }

    var placed = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    var open = new List<WaveFulfillment>(500);
    for (var o = 0; o < 500; o++)
    {
        var lines = Enumerable.Range(0, 10).Select(_ => new WaveLine($"WINE-{random.Next(300):000}-750", random.Next(1, 13), 12)).ToList();
        open.Add(new WaveFulfillment(Guid.NewGuid(), $"OH-{200000 + o}", placed.AddMinutes(random.Next(0, 6000)), lines));
    }

    return (open, stock);
}

static List<(IReadOnlyList<PackItem> Items, Lane Lane)> Orders()
{
    var random = new Random(7);
    string[] destinations = ["10024", "60614", "77005", "98101", "33139", "80202", "02116", "85004", "30309", "97205"];
    var orders = new List<(IReadOnlyList<PackItem>, Lane)>(1000);
    for (var o = 0; o < 1000; o++)
    {
        var bottles = random.Next(1, 25);
        var skus = Math.Min(bottles, random.Next(1, 4));
        var items = new List<PackItem>();
        for (var s = 0; s < skus; s++)
        {
            var quantity = s == skus - 1 ? bottles - (bottles / skus * (skus - 1)) : bottles / skus;
            items.Add(new PackItem($"WINE-{random.Next(300):000}-750", quantity, random.Next(1_300, 1_600), IsBottle: true));
        }

        if (o % 5 == 0)
        {
            items.Add(new PackItem("GLASS-BORDEAUX", random.Next(1, 7), 350, IsBottle: false, new Dimensions(12, 12, 24)));
            items.Add(new PackItem("OPENER-WAITER", 1, 120, IsBottle: false, new Dimensions(15, 5, 3)));
        }

        var destination = destinations[random.Next(destinations.Length)];
        orders.Add((items, new Lane("94558", destination, "XX")));
    }

    return orders;
}

/// <summary>A rough Ground rate card: zone from the distance between ZIP prefixes, billable pounds, alcohol surcharge.</summary>
internal sealed class RateCard : IShippingCostEstimator
{
    public decimal Estimate(Lane lane, Parcel parcel, bool containsAlcohol)
    {
        var zone = 2 + Math.Min(6, Math.Abs(int.Parse(lane.OriginPostalCode[..3], CultureInfo.InvariantCulture) - int.Parse(lane.DestinationPostalCode[..3], CultureInfo.InvariantCulture)) / 120);
        static double Inches(int cm) => Math.Round(cm / 2.54, MidpointRounding.AwayFromZero);
        var actual = (int)Math.Ceiling(parcel.WeightGrams / 453.59237);
        var dimensional = (int)Math.Ceiling(Inches(parcel.LengthCm) * Inches(parcel.WidthCm) * Inches(parcel.HeightCm) / 139);
        var pounds = Math.Max(actual, dimensional);
        return 8.50m + (zone * 0.55m) + (pounds * (0.62m + (zone * 0.11m))) + (containsAlcohol ? 4.25m : 0m);
    }
}
