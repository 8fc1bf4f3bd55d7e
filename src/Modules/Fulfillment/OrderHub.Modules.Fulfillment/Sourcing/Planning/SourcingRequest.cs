namespace OrderHub.Modules.Fulfillment.Sourcing.Planning;

/// <summary>
/// What sourcing decides over: an order (or a cart being quoted), where it goes, and the locations that could ship it,
/// as read by the caller. <see cref="AllowNextDayLocations"/> lets locations past today's cut-off compete (a quote for a
/// later ship date, or a backlog run); by default they are left out with the reason "past today's cut-off".
/// </summary>
internal sealed record SourcingRequest(
    IReadOnlyList<SourcingLine> Lines,
    Destination Destination,
    string? Channel,
    IReadOnlyList<CandidateLocation> Locations,
    bool AllowNextDayLocations = false);

/// <summary>One order line; lines of one SKU share that SKU's stock (weight and alcohol are the SKU's own).</summary>
internal sealed record SourcingLine(int LineNumber, string Sku, int Quantity, int UnitWeightGrams, bool IsAlcohol);

/// <summary>Where the order ships: the state (region) code, five-digit ZIP and country.</summary>
internal sealed record Destination(string Region, string PostalCode, string Country);

internal enum LocationKind
{
    Warehouse,
    Store,

    /// <summary>A dropship supplier: used only for what no warehouse or store can serve.</summary>
    Supplier,
}

/// <summary>
/// A place that might ship the order. <see cref="Available"/> is units per SKU already net of channel pools;
/// <see cref="RemainingShipmentsToday"/> null means no daily limit and 0 means full today (<see cref="DailyLimit"/>, when
/// known, words the reason "AtDailyCapacity: 120 of 120 today"). <see cref="ExcludedBecause"/> rules the location out for
/// a reason of the caller's (work re-sourced away from it), which the plan gives as the location's reason.
/// </summary>
internal sealed record CandidateLocation(
    string Code,
    LocationKind Kind,
    string PostalCode,
    bool ShipsToConsumers,
    IReadOnlySet<string> AlcoholLicensedRegions,
    IReadOnlyDictionary<string, int> Available,
    decimal HandlingCost,
    int? RemainingShipmentsToday = null,
    bool PastCutOff = false,
    int? DailyLimit = null,
    string? ExcludedBecause = null)
{
    public bool IsOwn => Kind != LocationKind.Supplier;
}
