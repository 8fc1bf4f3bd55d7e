using System.Globalization;

namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// Turns the search's allocations into the plan staff and the API see: units per SKU back onto order lines (lowest line
/// number first), one shipment per location, and for every location the short reason it was or was not chosen.
/// </summary>
internal sealed class PlanWriter(SourcingProblem problem, ShipmentCosts costs, int[] leftByOwn, ISourcingRule? rule, SourcingConstraint? constraint)
{
    public SourcingPlan Write(IReadOnlyList<Allocation?> allocations)
    {
        var lines = new LineCursor(problem.Items);
        var shipments = new List<PlannedShipment>();
        var chosen = new Dictionary<int, decimal>();
        foreach (var (location, units) in allocations.OfType<Allocation>().SelectMany(a => a.Locations.Zip(a.Units)).OrderBy(p => p.First))
        {
            var cost = costs.Of(location, units);
            chosen[location] = cost;
            var shipped = units.SelectMany((quantity, item) => lines.Take(item, quantity)).OrderBy(l => l.LineNumber).ToArray();
            shipments.Add(new PlannedShipment(problem.Locations[location].Code, shipped, cost));
        }

        var total = shipments.Sum(s => s.EstimatedCost);
        var considered = Enumerable.Range(0, problem.Locations.Length).Select(j => Consider(j, chosen, total, shipments)).ToArray();
        return new SourcingPlan(shipments, lines.Rest(), considered, total, rule?.Name);
    }

    private ConsideredLocation Consider(int j, Dictionary<int, decimal> chosen, decimal total, List<PlannedShipment> shipments)
    {
        var location = problem.Locations[j];
        if (chosen.TryGetValue(j, out var cost))
        {
            return new ConsideredLocation(location.Code, true, "chosen", cost);
        }

        // A supplier competes only for what own locations cannot ship; an own location for the whole order.
        var demand = location.IsOwn ? problem.Demand : leftByOwn;
        decimal? alone = problem.Blocked[j] is null && problem.CoversAlone(j, demand) && demand.Any(d => d > 0) ? costs.Of(j, demand) : null;
        var rival = location.IsOwn ? total : shipments.Where(s => !IsOwn(s.LocationCode)).Sum(s => s.EstimatedCost);
        return new ConsideredLocation(location.Code, false, Reason(j, demand, alone, rival), alone);
    }

    private string Reason(int j, int[] demand, decimal? alone, decimal rival)
    {
        var region = problem.Request.Destination.Region;
        if (problem.Blocked[j] is { } blocked)
        {
            return blocked;
        }

        if (problem.Demand.All(d => d == 0))
        {
            return "nothing to ship";
        }

        if (problem.HasAlcohol && !problem.Licensed[j])
        {
            return $"not licensed for {region}";
        }

        if (!problem.Locations[j].IsOwn && leftByOwn.All(d => d == 0))
        {
            return "dropship only for what own locations cannot ship";
        }

        var shortfalls = Enumerable.Range(0, demand.Length).Where(i => problem.Capacity[j][i] < demand[i]).Select(Shortfall(j)).ToArray();
        if (shortfalls.Length > 0)
        {
            return string.Join(", ", shortfalls);
        }

        if (constraint?.ShipFrom is { } preferred && alone is not null)
        {
            return $"{preferred} is preferred for {region}";
        }

        return alone > rival ? $"costs {(alone.Value - rival).ToString("0.00", CultureInfo.InvariantCulture)} more" : "same cost, lost on location code";
    }

    private Func<int, string> Shortfall(int j) => i =>
        problem.Capacity[j][i] == 0 ? $"no stock of {problem.Items[i].Sku}" : $"only {problem.Capacity[j][i]} of {problem.Items[i].Sku}";

    private bool IsOwn(string code) => problem.Locations.First(l => l.Code == code).IsOwn;

    /// <summary>Hands out each SKU's units line by line, in line-number order; what is left is unassigned.</summary>
    private sealed class LineCursor(SourcingItem[] items)
    {
        private readonly int[] _line = new int[items.Length];
        private readonly int[] _usedOfLine = new int[items.Length];

        public List<PlannedLine> Take(int item, int quantity)
        {
            var taken = new List<PlannedLine>();
            while (quantity > 0)
            {
                var line = items[item].Lines[_line[item]];
                var amount = Math.Min(quantity, line.Quantity - _usedOfLine[item]);
                taken.Add(new PlannedLine(line.LineNumber, line.Sku, amount));
                quantity -= amount;
                _usedOfLine[item] += amount;
                if (_usedOfLine[item] == line.Quantity)
                {
                    (_line[item], _usedOfLine[item]) = (_line[item] + 1, 0);
                }
            }

            return taken;
        }

        public IReadOnlyList<PlannedLine> Rest() =>
        [
            .. items.SelectMany((item, i) => item.Lines.Skip(_line[i]).Select((line, k) => new PlannedLine(line.LineNumber, line.Sku, line.Quantity - (k == 0 ? _usedOfLine[i] : 0))))
                .OrderBy(l => l.LineNumber),
        ];
    }
}
