using OrderHub.Modules.Fulfillment.Estimates;

namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// Sourcing, pure (no database, no I/O): which location ships each line of an order, or of a cart being quoted. Own
/// locations (warehouses, stores) ship all they can at the lowest cost plus split penalty; dropship suppliers only what
/// no own location can; what nobody can is left unassigned. A staff rule, when one applies, narrows the choice first.
/// The same request always gives the same plan (ties go to the location codes first in order).
/// </summary>
internal sealed class SourcingPlanner(IShippingCostEstimator estimator, SourcingPolicy policy)
{
    public SourcingPlan Plan(SourcingRequest request) => Plan(request, policy);

    /// <summary>Plans under <paramref name="current"/> (the staff's rules as they are now) instead of the configured policy.</summary>
    public SourcingPlan Plan(SourcingRequest request, SourcingPolicy current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problem = new SourcingProblem(request);
        var costs = new ShipmentCosts(estimator, problem);
        var search = new ShipmentSearch(problem, costs, current.SplitPenalty);
        var own = Enumerable.Range(0, problem.Locations.Length).Where(j => problem.Locations[j].IsOwn).ToArray();
        var suppliers = Enumerable.Range(0, problem.Locations.Length).Where(j => !problem.Locations[j].IsOwn).ToArray();
        var ownDemand = problem.Coverable(problem.Demand, own);
        int[] leftByOwn = [.. problem.Demand.Select((d, i) => d - ownDemand[i])];
        var supplierDemand = problem.Coverable(leftByOwn, suppliers);
        var wholeOrder = (ownDemand.Any(d => d > 0) ? own : suppliers).Where(j => problem.CoversAlone(j, problem.Demand)).ToArray();

        var (rule, constraint) = FirstConstraint(current, request, wholeOrder.Select(j => problem.Locations[j].Code).ToHashSet(StringComparer.Ordinal));
        Allocation?[] allocations = constraint switch
        {
            null => [search.Cheapest(ownDemand, own, oneLocation: false), search.Cheapest(supplierDemand, suppliers, oneLocation: false)],
            { ShipFrom: { } code } => [search.Cheapest(problem.Demand, [.. wholeOrder.Where(j => problem.Locations[j].Code == code)], oneLocation: true)],
            _ => [search.Cheapest(problem.Demand, wholeOrder, oneLocation: true)],
        };

        return new PlanWriter(problem, costs, leftByOwn, rule, constraint).Write(allocations);
    }

    private static (ISourcingRule? Rule, SourcingConstraint? Constraint) FirstConstraint(SourcingPolicy current, SourcingRequest request, IReadOnlySet<string> wholeOrder)
    {
        foreach (var rule in current.Rules)
        {
            if (rule.Constrain(request, wholeOrder) is { } constraint)
            {
                return (rule, constraint);
            }
        }

        return (null, null);
    }
}
