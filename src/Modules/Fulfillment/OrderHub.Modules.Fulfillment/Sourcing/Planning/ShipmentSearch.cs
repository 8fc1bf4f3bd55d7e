namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// Finds the cheapest way to ship a demand from some of the candidate locations, counting each shipment's cost plus the
/// split penalty. Every single location able to ship it all is priced exactly. A greedy cover then seeds a bound, and
/// the minimal covering sets (each location ships something no other in the set can) are enumerated depth-first,
/// cheapest possible shipment first, cut off when the sum of those lower bounds, or of the shipments each location is
/// forced to make, cannot beat the best found; each set's units are placed by <see cref="UnitPlacer"/>. Last, one more
/// location is tried beside the best set. Exhaustive on small networks; caps bound the time on large ones.
/// </summary>
internal sealed class ShipmentSearch
{
    /// <summary>Covering sets placed at most; the bounds usually end the search long before.</summary>
    internal const int MaxSetsTried = 2_048;

    /// <summary>Sets visited at most, a few milliseconds, when many locations each hold a little of the order.</summary>
    internal const int MaxSetsVisited = 20_000;

    private readonly SourcingProblem _problem;
    private readonly ShipmentCosts _costs;
    private readonly decimal _splitPenalty;
    private readonly UnitPlacer _placer;

    public ShipmentSearch(SourcingProblem problem, ShipmentCosts costs, decimal splitPenalty)
    {
        _problem = problem;
        _costs = costs;
        _splitPenalty = splitPenalty;
        _placer = new UnitPlacer(problem, costs, splitPenalty);
    }

    /// <summary>The cheapest allocation of the demand, or null when the candidates cannot ship all of it (or, with
    /// <paramref name="oneLocation"/>, when no single one can).</summary>
    public Allocation? Cheapest(int[] demand, IReadOnlyList<int> candidates, bool oneLocation)
    {
        if (Array.TrueForAll(demand, d => d == 0))
        {
            return Allocation.Empty;
        }

        var useful = candidates.Where(j => Contributes(j, demand)).Order().ToArray();
        Allocation? best = null;
        foreach (var j in useful.Where(j => _problem.CoversAlone(j, demand)))
        {
            var units = (int[])demand.Clone();
            best = Allocation.Better(best, new Allocation([j], [units], _costs.Of(j, units) + _splitPenalty));
        }

        if (oneLocation || useful.Length < 2 || !_problem.Coverable(demand, useful).AsSpan().SequenceEqual(demand))
        {
            return best;
        }

        var greedy = GreedyCover(demand, useful);
        best = Allocation.Better(best, Evaluate(greedy, greedy.Length, demand, best));
        return Widen(new SetEnumeration(this, demand, useful, best).Run(), demand, useful);
    }

    /// <summary>
    /// The enumeration tries only sets where every location ships something no other can; a further location can
    /// still pay for itself by carrying weight more cheaply, so each is tried once beside the best set.
    /// </summary>
    private Allocation? Widen(Allocation? best, int[] demand, int[] useful)
    {
        if (best is null)
        {
            return null;
        }

        var widened = new int[best.Locations.Length + 1];
        best.Locations.CopyTo(widened, 0);
        foreach (var j in useful.Except(best.Locations))
        {
            widened[^1] = j;
            best = Allocation.Better(best, Evaluate(widened, widened.Length, demand, best));
        }

        return best;
    }

    private bool Contributes(int location, int[] demand)
    {
        for (var i = 0; i < demand.Length; i++)
        {
            if (demand[i] > 0 && _problem.Capacity[location][i] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Repeatedly the location shipping what is still needed at the lowest cost per unit.</summary>
    private int[] GreedyCover(int[] demand, int[] useful)
    {
        var needed = (int[])demand.Clone();
        var share = new int[demand.Length];
        var chosen = new List<int>();
        while (Array.Exists(needed, n => n > 0))
        {
            var (pick, perUnit) = (-1, decimal.MaxValue);
            foreach (var j in useful)
            {
                var units = 0;
                for (var i = 0; i < needed.Length; i++)
                {
                    share[i] = Math.Min(needed[i], _problem.Capacity[j][i]);
                    units += share[i];
                }

                // Each location once: what it can ship was already taken off what is needed.
                if (units > 0 && !chosen.Contains(j) && (_costs.Of(j, share) + _splitPenalty) / units is var cost && cost < perUnit)
                {
                    (pick, perUnit) = (j, cost);
                }
            }

            chosen.Add(pick);
            for (var i = 0; i < needed.Length; i++)
            {
                needed[i] -= Math.Min(needed[i], _problem.Capacity[pick][i]);
            }
        }

        return [.. chosen.Order()];
    }

    /// <summary>The placement on these locations when it may beat (or tie) the best so far, else null.</summary>
    private Allocation? Evaluate(int[] locations, int count, int[] demand, Allocation? best) =>
        _placer.Place(locations, count, demand) is { } objective && (best is null || objective <= best.Objective) ? _placer.ToAllocation(objective) : null;

    /// <summary>Depth-first over sets of locations, cheapest lower bound first.</summary>
    private sealed class SetEnumeration
    {
        private readonly ShipmentSearch _search;
        private readonly int[] _demand;
        private readonly int[] _order;
        private readonly decimal[] _cheapestShipment;
        private readonly int[][] _capacityFrom;
        private readonly int[] _needed;
        private readonly int[] _chosen;
        private readonly decimal[] _chosenCheapest;
        private Allocation? _best;
        private int _tried;
        private int _visited;

        public SetEnumeration(ShipmentSearch search, int[] demand, int[] useful, Allocation? best)
        {
            _search = search;
            _demand = demand;
            _best = best;
            var cheapest = useful.ToDictionary(j => j, j => CheapestShipment(search, j, demand));
            _order = [.. useful.OrderBy(j => cheapest[j]).ThenBy(j => j)];
            _cheapestShipment = [.. _order.Select(j => cheapest[j])];
            _capacityFrom = new int[_order.Length + 1][];
            _capacityFrom[_order.Length] = new int[demand.Length];
            for (var k = _order.Length - 1; k >= 0; k--)
            {
                _capacityFrom[k] = [.. _capacityFrom[k + 1].Select((c, i) => c + search._problem.Capacity[_order[k]][i])];
            }

            _needed = (int[])demand.Clone();
            _chosen = new int[_order.Length];
            _chosenCheapest = new decimal[_order.Length];
        }

        public Allocation? Run()
        {
            Extend(0, 0, 0m);

            return _best;
        }

        /// <summary>No shipment from a location costs less than its lightest unit alone (estimates rise with weight).</summary>
        private static decimal CheapestShipment(ShipmentSearch search, int location, int[] demand)
        {
            var cheapest = decimal.MaxValue;
            for (var i = 0; i < demand.Length; i++)
            {
                if (demand[i] > 0 && search._problem.Capacity[location][i] > 0)
                {
                    var item = search._problem.Items[i];
                    cheapest = Math.Min(cheapest, search._costs.Of(location, item.UnitWeightGrams, item.IsAlcohol));
                }
            }

            return cheapest + search._splitPenalty;
        }

        /// <summary>
        /// A covering set costs at least, per location, the shipment of the units no other location of the set can
        /// ship (what is still needed plus its own capacity), and never less than its cheapest shipment. Null when a
        /// location has nothing of its own to ship: the set without it covers too and is tried on its own.
        /// </summary>
        private decimal? ForcedBound(int size)
        {
            var problem = _search._problem;
            var bound = 0m;
            for (var s = 0; s < size; s++)
            {
                var capacity = problem.Capacity[_chosen[s]];
                var (grams, alcohol) = (0, false);
                for (var i = 0; i < _needed.Length; i++)
                {
                    var forced = Math.Min(_needed[i] + capacity[i], _demand[i]);
                    if (forced > 0)
                    {
                        grams += forced * problem.Items[i].UnitWeightGrams;
                        alcohol |= problem.Items[i].IsAlcohol;
                    }
                }

                if (grams == 0)
                {
                    return null;
                }

                bound += Math.Max(_chosenCheapest[s], _search._costs.Of(_chosen[s], grams, alcohol) + _search._splitPenalty);
            }

            return bound;
        }

        private void Extend(int from, int depth, decimal lowerBound)
        {
            for (var k = from; k < _order.Length && _tried < MaxSetsTried && ++_visited < MaxSetsVisited; k++)
            {
                var bound = lowerBound + _cheapestShipment[k];
                if (_best is not null && bound > _best.Objective)
                {
                    return;
                }

                (_chosen[depth], _chosenCheapest[depth]) = (_order[k], _cheapestShipment[k]);
                var capacity = _search._problem.Capacity[_order[k]];
                var covered = true;
                var reachable = true;
                for (var i = 0; i < _needed.Length; i++)
                {
                    _needed[i] -= capacity[i];
                    covered &= _needed[i] <= 0;
                    reachable &= _needed[i] <= _capacityFrom[k + 1][i];
                }

                if (covered)
                {
                    // A set that already covers is only widened by locations with nothing of their own to ship.
                    if (depth > 0 && ForcedBound(depth + 1) is { } forced && (_best is null || forced <= _best.Objective))
                    {
                        _tried++;
                        _best = Allocation.Better(_best, _search.Evaluate(_chosen, depth + 1, _demand, _best));
                    }
                }
                else if (reachable)
                {
                    Extend(k + 1, depth + 1, bound);
                }

                for (var i = 0; i < _needed.Length; i++)
                {
                    _needed[i] += capacity[i];
                }
            }
        }
    }
}
