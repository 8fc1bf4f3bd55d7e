using System.Diagnostics;
using System.Globalization;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Labels;
using OrderHub.Modules.Shipping.TrackingNumbers;

// Times label generation per package (target: under 20 ms for ZPL + PDF), with a Stopwatch harness: 1,000 labels of
// mixed carriers are built once (tracking numbers from TrackingNumberFormat), each case is warmed up, then run N times
// (a GC before each run); the median and best run are printed as mean ms per package. The first label of the process
// (JIT, PdfPig's font metrics) is timed apart.
//   zpl:          ZplLabel.Render for each label.
//   pdf single:   PdfLabel.Render of a one-page document per label (the worst case: one package per shipment).
//   pdf shipment: PdfLabel.Render of the labels in shipments of 4 packages.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var ids = new ShipperIds("4A7Y96", "1234567", "912345678", "0614141");
var services = new (Carrier Carrier, ServiceLevel Service, string Name)[]
{
    (Carrier.UPS, ServiceLevel.Ground, "UPS Ground"),
    (Carrier.FedEx, ServiceLevel.Ground, "FedEx Ground"),
    (Carrier.FedEx, ServiceLevel.TwoDay, "FedEx 2Day"),
    (Carrier.USPS, ServiceLevel.Ground, "USPS Ground Advantage"),
    (Carrier.DHL, ServiceLevel.Overnight, "DHL Express"),
};
var labels = Enumerable.Range(0, count).Select(i =>
{
    var (carrier, service, name) = services[i % services.Length];
    var alcohol = carrier != Carrier.USPS && i % 2 == 0;
    return new LabelContent(
        carrier,
        name,
        TrackingNumberFormat.Create(carrier, service, alcohol, 1000 + i, ids),
        (i % 4) + 1,
        4,
        1500 + (i * 37 % 18000),
        "Domaine Rosé Cellars",
        new Address("1200 Silverado Trail", null, "Napa", "CA", "94558", "US"),
        $"Customer {i}",
        new Address($"{100 + i} Market Street", i % 3 == 0 ? "Suite 1200" : null, "San Francisco", "CA", "94105", "US"),
        new DateOnly(2026, 12, 5),
        alcohol,
        $"ORDER OH-{10000 + i}",
        alcohol);
}).ToList();
var shipments = labels.Chunk(4).ToList();

Console.WriteLine($"{count} labels, {runs} runs after warm-up; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
var cold = Stopwatch.StartNew();
ZplLabel.Render(labels[0]);
var coldZpl = cold.Elapsed.TotalMilliseconds;
cold.Restart();
PdfLabel.Render([labels[0]]);
Console.WriteLine($"first label in the process (JIT, fonts): ZPL {coldZpl:F1} ms, PDF {cold.Elapsed.TotalMilliseconds:F1} ms");
Console.WriteLine($"sizes: ZPL {ZplLabel.Render(labels[0]).Length} chars, PDF one page {PdfLabel.Render([labels[0]]).Length / 1024.0:F1} KiB");
var zpl = Measure("zpl", () => labels.Sum(l => ZplLabel.Render(l).Length));
var pdf = Measure("pdf single", () => labels.Sum(l => PdfLabel.Render([l]).Length));
Measure("pdf shipment of 4", () => shipments.Sum(s => PdfLabel.Render(s).Length));
Console.WriteLine($"zpl + pdf single: {zpl + pdf:F3} ms per package (target < 20)");

double Measure(string name, Func<long> work)
{
    work();
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        work();
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds / count);
        if (run == 0)
        {
            Console.WriteLine($"{name,-20} {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / count,8:F1} KiB allocated per package");
        }
    }

    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{name,-20} median {median,8:F3} ms per package, best {times[0],8:F3}");
    return median;
}
