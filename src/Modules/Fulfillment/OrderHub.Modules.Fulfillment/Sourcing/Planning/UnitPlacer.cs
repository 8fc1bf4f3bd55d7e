namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// Places a demand's units on a given set of locations: SKU by SKU, heaviest first, each time at the location whose cost
/// rises least per unit; then moves units between the locations (of one SKU all that fit, or one to get under a pound
/// break; or of every SKU all that fit) while that lowers the total. A location left with nothing ships nothing and costs nothing.
/// </summary>
internal sealed class UnitPlacer
{
    private const int MaxImprovementRounds = 16;

    private readonly SourcingProblem _problem;
    private readonly ShipmentCosts _costs;
    private readonly decimal _splitPenalty;
    private readonly int[] _heaviestFirst;
    private readonly int[][] _units;
    private readonly int[] _grams;
    private readonly int[] _count;
    private readonly int[] _alcoholUnits;
    private readonly decimal[] _slotCost;
    private int[] _subset = [];
    private int _size;

    public UnitPlacer(SourcingProblem problem, ShipmentCosts costs, decimal splitPenalty)
    {
        _problem = problem;
        _costs = costs;
        _splitPenalty = splitPenalty;
        var items = problem.Items;
        _heaviestFirst = [.. Enumerable.Range(0, items.Length).OrderByDescending(i => items[i].UnitWeightGrams * items[i].Demand).ThenBy(i => i)];
        var slots = problem.Locations.Length;
        _units = [.. Enumerable.Range(0, slots).Select(_ => new int[items.Length])];
        _grams = new int[slots];
        _count = new int[slots];
        _alcoholUnits = new int[slots];
        _slotCost = new decimal[slots];
    }

    /// <summary>
    /// The objective of the best placement found on the first <paramref name="size"/> locations of
    /// <paramref name="subset"/> (kept until the next call), or null when they cannot take the demand.
    /// </summary>
    public decimal? Place(int[] subset, int size, int[] demand)
    {
        (_subset, _size) = (subset, size);
        for (var s = 0; s < size; s++)
        {
            Array.Clear(_units[s]);
            _grams[s] = _count[s] = _alcoholUnits[s] = 0;
            _slotCost[s] = 0m;
        }

        foreach (var i in _heaviestFirst)
        {
            for (var remaining = demand[i]; remaining > 0;)
            {
                var (slot, quantity) = CheapestSlotFor(i, remaining);
                if (slot < 0)
                {
                    return null;
                }

                Move(slot, i, quantity);
                remaining -= quantity;
            }
        }

        Improve();
        var total = 0m;
        for (var s = 0; s < size; s++)
        {
            total += _slotCost[s];
        }

        return total;
    }

    /// <summary>The last placement, as an allocation with the given objective.</summary>
    public Allocation ToAllocation(decimal objective)
    {
        var used = Enumerable.Range(0, _size).Where(s => _count[s] > 0).OrderBy(s => _subset[s]).ToArray();
        return new Allocation([.. used.Select(s => _subset[s])], [.. used.Select(s => (int[])_units[s].Clone())], objective);
    }

    private (int Slot, int Quantity) CheapestSlotFor(int item, int remaining)
    {
        var (slot, quantity, perUnit) = (-1, 0, decimal.MaxValue);
        for (var s = 0; s < _size; s++)
        {
            var take = Math.Min(remaining, Spare(s, item));
            if (take <= 0)
            {
                continue;
            }

            var rise = (CostWith(s, item, take) - _slotCost[s]) / take;
            if (rise < perUnit)
            {
                (slot, quantity, perUnit) = (s, take, rise);
            }
        }

        return (slot, quantity);
    }

    private void Improve()
    {
        for (var round = 0; round < MaxImprovementRounds; round++)
        {
            var improved = false;
            for (var i = 0; i < _problem.Items.Length; i++)
            {
                for (var from = 0; from < _size; from++)
                {
                    for (var to = 0; to < _size; to++)
                    {
                        var all = Math.Min(_units[from][i], Spare(to, i));
                        if (from != to && all > 0 && (TryMove(from, to, i, all) || (all > 1 && TryMove(from, to, i, 1))))
                        {
                            improved = true;
                        }
                    }
                }
            }

            for (var from = 0; from < _size; from++)
            {
                for (var to = 0; to < _size; to++)
                {
                    improved |= from != to && TryMoveAll(from, to);
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Moves every unit <paramref name="to"/> can take from <paramref name="from"/> at once: opening a second box, or
    /// emptying one (its handling, base rate and signature), pays only when several SKUs move together.
    /// </summary>
    private bool TryMoveAll(int from, int to)
    {
        var (count, grams, alcoholUnits) = (0, 0, 0);
        for (var i = 0; i < _problem.Items.Length; i++)
        {
            var quantity = Math.Min(_units[from][i], Spare(to, i));
            count += quantity;
            grams += quantity * _problem.Items[i].UnitWeightGrams;
            alcoholUnits += _problem.Items[i].IsAlcohol ? quantity : 0;
        }

        if (count == 0)
        {
            return false;
        }

        var after = Cost(from, _count[from] - count, _grams[from] - grams, _alcoholUnits[from] - alcoholUnits)
            + Cost(to, _count[to] + count, _grams[to] + grams, _alcoholUnits[to] + alcoholUnits);
        if (after >= _slotCost[from] + _slotCost[to])
        {
            return false;
        }

        for (var i = 0; i < _problem.Items.Length; i++)
        {
            var quantity = Math.Min(_units[from][i], Spare(to, i));
            if (quantity > 0)
            {
                Move(from, i, -quantity);
                Move(to, i, quantity);
            }
        }

        return true;
    }

    private bool TryMove(int from, int to, int item, int quantity)
    {
        var before = _slotCost[from] + _slotCost[to];
        var after = CostWith(from, item, -quantity) + CostWith(to, item, quantity);
        if (after >= before)
        {
            return false;
        }

        Move(from, item, -quantity);
        Move(to, item, quantity);
        return true;
    }

    private int Spare(int slot, int item) => _problem.Capacity[_subset[slot]][item] - _units[slot][item];

    /// <summary>The slot's cost (shipment plus split penalty, nothing when empty) after adding <paramref name="quantity"/> of an item.</summary>
    private decimal CostWith(int slot, int item, int quantity)
    {
        var sku = _problem.Items[item];
        return Cost(slot, _count[slot] + quantity, _grams[slot] + (quantity * sku.UnitWeightGrams), _alcoholUnits[slot] + (sku.IsAlcohol ? quantity : 0));
    }

    private decimal Cost(int slot, int count, int grams, int alcoholUnits) =>
        count == 0 ? 0m : _costs.Of(_subset[slot], grams, alcoholUnits > 0) + _splitPenalty;

    private void Move(int slot, int item, int quantity)
    {
        var sku = _problem.Items[item];
        _units[slot][item] += quantity;
        _count[slot] += quantity;
        _grams[slot] += quantity * sku.UnitWeightGrams;
        _alcoholUnits[slot] += sku.IsAlcohol ? quantity : 0;
        _slotCost[slot] = CostWith(slot, item, 0);
    }
}
