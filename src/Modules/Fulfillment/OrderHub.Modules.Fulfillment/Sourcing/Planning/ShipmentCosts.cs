using OrderHub.Modules.Fulfillment.Estimates;

namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// What one shipment from a location costs: the estimate for one parcel of its total weight on the lane to the
/// destination, plus the location's handling. Remembered per (location, grams, alcohol) because the search asks the
/// same questions many times. Assumes an estimate never falls as weight grows or when alcohol is added.
/// </summary>
internal sealed class ShipmentCosts
{
    private readonly IShippingCostEstimator _estimator;
    private readonly SourcingProblem _problem;
    private readonly Lane[] _lanes;
    private readonly Dictionary<long, decimal> _known = new(capacity: 64);

    public ShipmentCosts(IShippingCostEstimator estimator, SourcingProblem problem)
    {
        _estimator = estimator;
        _problem = problem;
        var destination = problem.Request.Destination;
        _lanes = [.. problem.Locations.Select(l => new Lane(l.PostalCode, destination.PostalCode, destination.Region))];
    }

    public decimal Of(int location, int grams, bool containsAlcohol)
    {
        var key = ((long)location << 33) | ((long)grams << 1) | (containsAlcohol ? 1L : 0L);
        if (!_known.TryGetValue(key, out var cost))
        {
            cost = _estimator.Estimate(_lanes[location], new Parcel(grams), containsAlcohol) + _problem.Locations[location].HandlingCost;
            _known[key] = cost;
        }

        return cost;
    }

    /// <summary>The cost of a shipment carrying the given units (per SKU) from a location.</summary>
    public decimal Of(int location, int[] units)
    {
        var grams = 0;
        var alcohol = false;
        for (var i = 0; i < units.Length; i++)
        {
            grams += units[i] * _problem.Items[i].UnitWeightGrams;
            alcohol |= units[i] > 0 && _problem.Items[i].IsAlcohol;
        }

        return Of(location, grams, alcohol);
    }
}
