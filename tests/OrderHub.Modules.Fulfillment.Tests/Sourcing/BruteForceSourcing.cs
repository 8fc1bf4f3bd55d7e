using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Tests.Sourcing;

/// <summary>
/// The optimum by exhaustion, written apart from the planner: every way to spread each SKU's units over the locations
/// that may ship them (own locations ship all they can, suppliers what is left), priced as the planner prices a plan
/// (shipment estimates plus handling plus the split penalty per shipment beyond the first). Only for tiny orders.
/// </summary>
internal static class BruteForceSourcing
{
    public static decimal OptimalObjective(SourcingRequest request, IShippingCostEstimator estimator, decimal splitPenalty)
    {
        var locations = request.Locations;
        var skus = request.Lines.Where(l => l.Quantity > 0).GroupBy(l => l.Sku)
            .Select(g => (Demand: g.Sum(l => l.Quantity), g.First().UnitWeightGrams, g.First().IsAlcohol, Sku: g.Key)).ToArray();
        var capacity = skus.Select(s => locations.Select(l => MayShip(l, request, s.IsAlcohol) ? l.Available.GetValueOrDefault(s.Sku) : 0).ToArray()).ToArray();

        // Per SKU, every spread of its units: own locations exactly what they can cover, then suppliers what they can of the rest.
        var spreads = skus.Select((s, i) =>
        {
            var own = Math.Min(s.Demand, locations.Select((l, j) => l.Kind == LocationKind.Supplier ? 0 : capacity[i][j]).Sum());
            var bySuppliers = Math.Min(s.Demand - own, locations.Select((l, j) => l.Kind == LocationKind.Supplier ? capacity[i][j] : 0).Sum());
            var ownSpreads = Spreads(own, [.. locations.Select((l, j) => l.Kind == LocationKind.Supplier ? 0 : capacity[i][j])]);
            var supplierSpreads = Spreads(bySuppliers, [.. locations.Select((l, j) => l.Kind == LocationKind.Supplier ? capacity[i][j] : 0)]);
            return ownSpreads.SelectMany(o => supplierSpreads.Select(p => o.Zip(p, (a, b) => a + b).ToArray())).ToList();
        }).ToArray();

        var prices = new Dictionary<(int, int, bool), decimal>();
        decimal Shipment(int j, int grams, bool alcohol)
        {
            if (!prices.TryGetValue((j, grams, alcohol), out var price))
            {
                var lane = new Lane(locations[j].PostalCode, request.Destination.PostalCode, request.Destination.Region);
                prices[(j, grams, alcohol)] = price = estimator.Estimate(lane, new Parcel(grams), alcohol) + locations[j].HandlingCost;
            }

            return price;
        }

        var best = decimal.MaxValue;
        var grams = new int[locations.Count];
        var units = new int[locations.Count];
        var alcohol = new int[locations.Count];
        void Choose(int sku)
        {
            if (sku == skus.Length)
            {
                var used = Enumerable.Range(0, locations.Count).Where(j => units[j] > 0).ToArray();
                var cost = used.Sum(j => Shipment(j, grams[j], alcohol[j] > 0)) + (splitPenalty * Math.Max(0, used.Length - 1));
                best = Math.Min(best, cost);
                return;
            }

            foreach (var spread in spreads[sku])
            {
                for (var j = 0; j < spread.Length; j++)
                {
                    units[j] += spread[j];
                    grams[j] += spread[j] * skus[sku].UnitWeightGrams;
                    alcohol[j] += skus[sku].IsAlcohol ? spread[j] : 0;
                }

                Choose(sku + 1);
                for (var j = 0; j < spread.Length; j++)
                {
                    units[j] -= spread[j];
                    grams[j] -= spread[j] * skus[sku].UnitWeightGrams;
                    alcohol[j] -= skus[sku].IsAlcohol ? spread[j] : 0;
                }
            }
        }

        Choose(0);
        return best;
    }

    private static bool MayShip(CandidateLocation location, SourcingRequest request, bool alcohol) =>
        location.ShipsToConsumers && location.RemainingShipmentsToday is not 0 && (!location.PastCutOff || request.AllowNextDayLocations)
        && (!alcohol || location.AlcoholLicensedRegions.Contains(request.Destination.Region));

    /// <summary>Every way to put exactly <paramref name="total"/> units on slots of the given capacities.</summary>
    private static List<int[]> Spreads(int total, int[] capacities)
    {
        var all = new List<int[]>();
        var current = new int[capacities.Length];
        void Fill(int slot, int left)
        {
            if (slot == capacities.Length)
            {
                if (left == 0)
                {
                    all.Add((int[])current.Clone());
                }

                return;
            }

            for (var q = 0; q <= Math.Min(left, capacities[slot]); q++)
            {
                current[slot] = q;
                Fill(slot + 1, left - q);
            }

            current[slot] = 0;
        }

        Fill(0, total);
        return all;
    }
}
