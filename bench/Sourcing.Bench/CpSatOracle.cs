using Google.OrTools.Sat;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace Sourcing.Bench;

/// <summary>
/// The exact optimum of a sourcing instance by CP-SAT, written from the instance (not from the planner's internals):
/// integer units per (SKU, location) within what the location may ship; own locations ship exactly the units they
/// can cover together, suppliers what they can of the rest; a location's shipment costs the estimator's price for its
/// billable pounds (the estimate depends on grams only through whole pounds: pounds ≥ grams / 453.59237, a table per
/// location over (pounds, alcohol) with AddElement) plus handling, plus the split penalty per shipment beyond the first.
/// Costs in cents. No staff rules: the oracle measures the optimiser.
/// </summary>
internal static class CpSatOracle
{
    /// <summary>The optimum, whether CP-SAT proved it, and its plan; <paramref name="hint"/> (the planner's plan) gives the solver a start.</summary>
    public static (decimal Objective, bool Optimal, string Plan) Solve(SourcingRequest request, IShippingCostEstimator estimator, decimal splitPenalty, SourcingPlan? hint = null)
    {
        var locations = request.Locations;
        var skus = request.Lines.Where(l => l.Quantity > 0).GroupBy(l => l.Sku)
            .Select(g => (Sku: g.Key, Demand: g.Sum(l => l.Quantity), Grams: g.First().UnitWeightGrams, Alcohol: g.First().IsAlcohol)).ToArray();
        if (skus.Length == 0)
        {
            return (0m, true, "");
        }

        var capacity = skus.Select(s => locations.Select(l => MayShip(l, request, s.Alcohol) ? Math.Max(0, l.Available.GetValueOrDefault(s.Sku)) : 0).ToArray()).ToArray();
        var model = new CpModel();
        var units = new IntVar?[skus.Length, locations.Count];
        for (var i = 0; i < skus.Length; i++)
        {
            var own = Math.Min(skus[i].Demand, Enumerable.Range(0, locations.Count).Where(j => locations[j].IsOwn).Sum(j => capacity[i][j]));
            var bySuppliers = Math.Min(skus[i].Demand - own, Enumerable.Range(0, locations.Count).Where(j => !locations[j].IsOwn).Sum(j => capacity[i][j]));
            for (var j = 0; j < locations.Count; j++)
            {
                units[i, j] = capacity[i][j] > 0 ? model.NewIntVar(0, capacity[i][j], $"x{i}_{j}") : null;
            }

            model.Add(LinearExpr.Sum(Row(units, i, locations.Count, own: true, locations)) == own);
            model.Add(LinearExpr.Sum(Row(units, i, locations.Count, own: false, locations)) == bySuppliers);
        }

        var objective = new List<LinearExpr>();
        var used = new List<BoolVar>();
        var penaltyCents = Cents(splitPenalty);
        for (var j = 0; j < locations.Count; j++)
        {
            var shipped = Enumerable.Range(0, skus.Length).Where(i => units[i, j] is not null).ToArray();
            if (shipped.Length == 0)
            {
                continue;
            }

            var isUsed = model.NewBoolVar($"used{j}");
            var hasAlcohol = model.NewBoolVar($"alcohol{j}");
            used.Add(isUsed);
            foreach (var i in shipped)
            {
                model.Add(units[i, j]! <= capacity[i][j] * isUsed);
                if (skus[i].Alcohol)
                {
                    model.Add(units[i, j]! <= capacity[i][j] * hasAlcohol);
                }
            }

            var maxGrams = shipped.Sum(i => (long)capacity[i][j] * skus[i].Grams);
            var maxPounds = (int)Math.Ceiling(maxGrams / 453.59237) + 1;
            var pounds = model.NewIntVar(0, maxPounds, $"lb{j}");
            var grams = LinearExpr.WeightedSum(shipped.Select(i => units[i, j]!), shipped.Select(i => (long)skus[i].Grams));
            // pounds = ⌈grams / 453.59237⌉ exactly, in integers (0 ≤ 453.59237 × pounds − grams < 453.59237); at least one pound when the location ships.
            model.AddLinearConstraint((45_359_237L * pounds) - (grams * 100_000L), 0, 45_359_236L);
            model.Add(pounds >= isUsed);

            var lane = new Lane(locations[j].PostalCode, request.Destination.PostalCode, request.Destination.Region);
            var table = new long[(maxPounds + 1) * 2];
            for (var lb = 1; lb <= maxPounds; lb++)
            {
                for (var alcohol = 0; alcohol < 2; alcohol++)
                {
                    // 453 g is just under a pound, so this parcel bills exactly lb pounds.
                    table[(lb * 2) + alcohol] = Cents(estimator.Estimate(lane, new Parcel(lb * 453), alcohol == 1) + locations[j].HandlingCost) + penaltyCents;
                }
            }

            var cost = model.NewIntVar(0, table.Max(), $"cost{j}");
            model.AddElement((pounds * 2) + hasAlcohol, table, cost);
            objective.Add(cost);
        }

        model.Minimize(LinearExpr.Sum(objective));
        if (hint is not null)
        {
            var hinted = hint.Shipments.SelectMany(s => s.Lines.Select(l => (s.LocationCode, l.Sku, l.Quantity)))
                .GroupBy(x => (x.LocationCode, x.Sku)).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));
            for (var i = 0; i < skus.Length; i++)
            {
                for (var j = 0; j < locations.Count; j++)
                {
                    if (units[i, j] is { } x)
                    {
                        model.AddHint(x, hinted.GetValueOrDefault((locations[j].Code, skus[i].Sku)));
                    }
                }
            }
        }

        var solver = new CpSolver { StringParameters = "num_workers:1,max_time_in_seconds:60" };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            throw new InvalidOperationException($"CP-SAT: {status}"); // never with the hint: the planner's plan is feasible
        }

        var shipments = used.Count(u => solver.BooleanValue(u));
        var total = (long)Math.Round(solver.ObjectiveValue) - (shipments > 0 ? penaltyCents : 0);
        var plan = string.Join(" + ", Enumerable.Range(0, locations.Count)
            .Select(j => (Code: locations[j].Code, Lines: string.Join(",", Enumerable.Range(0, skus.Length).Where(i => units[i, j] is { } x && solver.Value(x) > 0).Select(i => $"{skus[i].Sku}x{solver.Value(units[i, j]!)}"))))
            .Where(p => p.Lines.Length > 0).Select(p => $"{p.Code}[{p.Lines}]"));
        return (total / 100m, status == CpSolverStatus.Optimal, plan);
    }

    private static IEnumerable<IntVar> Row(IntVar?[,] units, int sku, int count, bool own, IReadOnlyList<CandidateLocation> locations) =>
        Enumerable.Range(0, count).Where(j => locations[j].IsOwn == own && units[sku, j] is not null).Select(j => units[sku, j]!);

    private static long Cents(decimal amount) => (long)Math.Round(amount * 100m);

    private static bool MayShip(CandidateLocation location, SourcingRequest request, bool alcohol) =>
        location.ShipsToConsumers && location.RemainingShipmentsToday is not 0 && (!location.PastCutOff || request.AllowNextDayLocations)
        && (!alcohol || location.AlcoholLicensedRegions.Contains(request.Destination.Region));
}
