namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// A request in index form for the search: locations in code order (so index order breaks ties by code), the order's
/// distinct SKUs with their demand, and how many units of each a location may ship to this destination (none when it
/// is blocked today, or for an alcohol SKU into a state it is not licensed for).
/// </summary>
internal sealed class SourcingProblem
{
    public SourcingProblem(SourcingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        Locations = [.. request.Locations.OrderBy(l => l.Code, StringComparer.Ordinal)];
        Items = GroupBySku(request.Lines);
        Demand = [.. Items.Select(i => i.Demand)];
        HasAlcohol = Items.Any(i => i.IsAlcohol);
        Blocked = [.. Locations.Select(l => BlockReason(l, request.AllowNextDayLocations))];
        Licensed = [.. Locations.Select(l => l.AlcoholLicensedRegions.Contains(request.Destination.Region))];
        Capacity = new int[Locations.Length][];
        for (var j = 0; j < Locations.Length; j++)
        {
            Capacity[j] = new int[Items.Length];
            for (var i = 0; i < Items.Length; i++)
            {
                var mayShip = Blocked[j] is null && (Licensed[j] || !Items[i].IsAlcohol);
                Capacity[j][i] = mayShip ? Math.Max(0, Locations[j].Available.GetValueOrDefault(Items[i].Sku)) : 0;
            }
        }
    }

    public SourcingRequest Request { get; }

    public CandidateLocation[] Locations { get; }

    public SourcingItem[] Items { get; }

    public int[] Demand { get; }

    public bool HasAlcohol { get; }

    /// <summary>Why a location cannot ship anything today, or null.</summary>
    public string?[] Blocked { get; }

    public bool[] Licensed { get; }

    public int[][] Capacity { get; }

    public bool CoversAlone(int location, int[] demand)
    {
        for (var i = 0; i < demand.Length; i++)
        {
            if (Capacity[location][i] < demand[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per SKU, the units the given locations together can ship, up to the demand.</summary>
    public int[] Coverable(int[] demand, IEnumerable<int> locations)
    {
        var covered = new int[demand.Length];
        foreach (var j in locations)
        {
            for (var i = 0; i < demand.Length; i++)
            {
                covered[i] = Math.Min(demand[i], covered[i] + Capacity[j][i]);
            }
        }

        return covered;
    }

    private static string? BlockReason(CandidateLocation location, bool allowNextDay) =>
        location.ExcludedBecause is { } excluded ? excluded
        : !location.ShipsToConsumers ? "does not ship to consumers"
        : location.RemainingShipmentsToday is { } remaining && remaining <= 0
            ? location.DailyLimit is { } limit ? $"AtDailyCapacity: {limit - remaining} of {limit} today" : "at its daily limit"
        : location.PastCutOff && !allowNextDay ? "past today's cut-off"
        : null;

    private static SourcingItem[] GroupBySku(IReadOnlyList<SourcingLine> lines)
    {
        var items = new List<SourcingItem>();
        var bySku = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Quantity > 0).OrderBy(l => l.LineNumber))
        {
            if (bySku.TryGetValue(line.Sku, out var index))
            {
                var item = items[index];
                items[index] = item with { Demand = item.Demand + line.Quantity, Lines = [.. item.Lines, line] };
            }
            else
            {
                bySku[line.Sku] = items.Count;
                items.Add(new SourcingItem(line.Sku, line.Quantity, Math.Max(0, line.UnitWeightGrams), line.IsAlcohol, [line]));
            }
        }

        return [.. items];
    }
}

/// <summary>One SKU of the order: its lines' total quantity, weighed and classed as its first line says.</summary>
internal sealed record SourcingItem(string Sku, int Demand, int UnitWeightGrams, bool IsAlcohol, SourcingLine[] Lines);
