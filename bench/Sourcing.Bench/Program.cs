using System.Diagnostics;
using System.Globalization;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using Sourcing.Bench;

// Two measurements of the sourcing planner (see README.md):
//   gap [instances] [seed] [max locations] [max lines]: planner cost vs the exact CP-SAT optimum, by default on small
//                                      instances (2-6 locations, 1-5 lines)
//   time [orders] [locations] [runs]:  Stopwatch harness, one warm-up pass then [runs] timed passes over the same orders;
//                                      median ms per order, and bytes allocated per order on the timing thread
//   estimators [orders] [locations] [runs]: the time harness with the built-in zone-and-weight estimate and with
//                                      Shipping's default rate tables (what the host prices with), alternately, and the ratio
var mode = args.Length > 0 ? args[0] : "all";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var estimator = new ZoneAndWeightCostEstimator();
const decimal SplitPenalty = 3.00m;
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, split penalty {SplitPenalty}");

if (mode is "gap" or "all")
{
    Gap(mode == "gap" ? Arg(1, 500) : 500, mode == "gap" ? Arg(2, 42) : 42, mode == "gap" ? Arg(3, 6) : 6, mode == "gap" ? Arg(4, 5) : 5);
}

if (mode is "time" or "all")
{
    Time(mode == "time" ? Arg(1, 10_000) : 10_000, mode == "time" ? Arg(2, 20) : 20, mode == "time" ? Arg(3, 7) : 7, estimator);
}

if (mode is "estimators")
{
    var (orders, locations, runs) = (Arg(1, 10_000), Arg(2, 20), Arg(3, 5));
    var rateCard = new RateCardCostEstimator(estimator);
    rateCard.Load(ShippingRateCard.Defaults());
    var zone = new List<double>();
    var card = new List<double>();
    for (var round = 0; round < 3; round++)
    {
        zone.Add(Time(orders, locations, runs, estimator));
        card.Add(Time(orders, locations, runs, rateCard));
    }

    Console.WriteLine($"rate tables / zone-and-weight, median of 3 alternating rounds: {card.Order().ElementAt(1):F4} / {zone.Order().ElementAt(1):F4} ms per order = {card.Order().ElementAt(1) / zone.Order().ElementAt(1):F2}x");
}

void Gap(int instances, int seed, int maxLocations, int maxLines)
{
    var verbose = Environment.GetEnvironmentVariable("SOURCING_BENCH_VERBOSE") == "1";
    var generator = new InstanceGenerator(seed);
    var random = new Random(seed);
    var planner = new SourcingPlanner(estimator, new SourcingPolicy(SplitPenalty, []));
    var gaps = new List<double>();
    var (optimalProofs, splits, incomplete) = (0, 0, 0);
    var oracleTime = new Stopwatch();
    for (var n = 0; n < instances; n++)
    {
        var request = generator.Order(generator.Network(random.Next(2, maxLocations + 1)), maxLines);
        var plan = planner.Plan(request);
        var planned = plan.TotalEstimatedCost + (SplitPenalty * Math.Max(0, plan.Shipments.Count - 1));
        oracleTime.Start();
        var (optimum, proven, optimalPlan) = CpSatOracle.Solve(request, estimator, SplitPenalty, plan);
        oracleTime.Stop();
        optimalProofs += proven ? 1 : 0;
        splits += plan.Shipments.Count > 1 ? 1 : 0;
        incomplete += plan.IsComplete ? 0 : 1;
        if (planned < optimum && proven)
        {
            throw new InvalidOperationException($"instance {n}: planner {planned} below the optimum {optimum}: the two cost models differ");
        }

        // Unproven (time limit): the best CP-SAT found, so the gap is an upper bound; never below the planner it started from.
        gaps.Add(optimum == 0 ? 0 : (double)((planned - Math.Min(planned, optimum)) / optimum) * 100);
        if (verbose && gaps[^1] > 0)
        {
            Console.WriteLine($"  instance {n}: gap {gaps[^1]:F3} %, planner {planned} {Describe(plan)}; optimum {optimum} {optimalPlan}; to {request.Destination.Region} {request.Destination.PostalCode}; "
                + string.Join("; ", request.Locations.Select(l => $"{l.Code} {l.PostalCode} h{l.HandlingCost} {string.Join(" ", request.Lines.Select(x => $"{x.Sku}({x.Quantity},{x.UnitWeightGrams}g{(x.IsAlcohol ? ",alc" : "")}):{l.Available.GetValueOrDefault(x.Sku)}"))}")));
        }
    }

    Console.WriteLine($"gap on {instances} instances (seed {seed}, 2-{maxLocations} locations, 1-{maxLines} lines): mean {gaps.Average():F4} %, max {gaps.Max() + 0.0:F3} %, "
        + $"planner optimal on {gaps.Count(g => g < 1e-9) * 100.0 / instances:F1} %; split plans {splits}, with unassigned lines {incomplete}; "
        + $"CP-SAT proved {optimalProofs}/{instances} optimal, {oracleTime.Elapsed.TotalMilliseconds / instances:F1} ms each");
}

static string Describe(SourcingPlan plan) =>
    string.Join(" + ", plan.Shipments.Select(s => $"{s.LocationCode}[{string.Join(",", s.Lines.Select(l => $"{l.Sku}x{l.Quantity}"))}]"));

double Time(int orders, int locations, int runs, IShippingCostEstimator prices)
{
    var generator = new InstanceGenerator(7);
    var networks = Enumerable.Range(0, 50).Select(_ => generator.Network(locations)).ToArray();
    var requests = Enumerable.Range(0, orders).Select(n => generator.Order(networks[n % networks.Length], maxLines: 6)).ToArray();
    var planner = new SourcingPlanner(prices, new SourcingPolicy(SplitPenalty, [new NeverSplitRule("club"), new PreferLocationRule("CA", "WA00")]));
    var shipments = requests.Sum(r => planner.Plan(r).Shipments.Count); // warm-up
    var milliseconds = new List<double>();
    var bytes = new List<long>();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        foreach (var request in requests)
        {
            planner.Plan(request);
        }

        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds / orders);
        bytes.Add((GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / orders);
    }

    milliseconds.Sort();
    var sorted = requests.Select(r => { var s = Stopwatch.GetTimestamp(); planner.Plan(r); return Stopwatch.GetElapsedTime(s).TotalMilliseconds; }).Order().ToArray();
    Console.WriteLine($"time for {orders:N0} orders x {locations} locations ({shipments * 1.0 / orders:F2} shipments per order), {runs} runs after a warm-up: "
        + $"median {milliseconds[runs / 2]:F4} ms per order (best {milliseconds[0]:F4}, worst {milliseconds[^1]:F4}); "
        + $"{bytes.Order().ElementAt(runs / 2):N0} bytes allocated per order; single orders p50 {sorted[orders / 2]:F4} ms, p99 {sorted[orders * 99 / 100]:F4} ms, max {sorted[^1]:F3} ms"
        + $" ({prices.GetType().Name})");
    return milliseconds[runs / 2];
}
