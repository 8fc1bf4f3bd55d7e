namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// Units per SKU given to each location used (problem indexes, ascending; every one ships something), and the search's
/// objective: the shipments' costs plus the split penalty once per shipment.
/// </summary>
internal sealed class Allocation(int[] locations, int[][] units, decimal objective)
{
    public static Allocation Empty { get; } = new([], [], 0m);

    public int[] Locations { get; } = locations;

    public int[][] Units { get; } = units;

    public decimal Objective { get; } = objective;

    /// <summary>The cheaper; on a tie the one whose locations come first by code, so plans never depend on search order.</summary>
    public static Allocation? Better(Allocation? current, Allocation? candidate)
    {
        if (candidate is null)
        {
            return current;
        }

        if (current is null || candidate.Objective < current.Objective)
        {
            return candidate;
        }

        return candidate.Objective == current.Objective && candidate.Locations.AsSpan().SequenceCompareTo(current.Locations) < 0 ? candidate : current;
    }
}
