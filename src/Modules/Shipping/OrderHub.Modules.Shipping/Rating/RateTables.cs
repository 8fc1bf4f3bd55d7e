using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>
/// One carrier's rate table: its zone chart, the price of each service by zone and billable pound, its dimensional
/// divisor and its surcharges. <see cref="FuelPercent"/> applies to transport and accessorials alike (carriers.md §5).
/// </summary>
internal sealed record CarrierRateTable(
    Carrier Carrier,
    int DimDivisor,
    decimal FuelPercent,
    decimal ResidentialSurcharge,
    decimal AdultSignatureSurcharge,
    IReadOnlyList<ZoneRange> Zones,
    IReadOnlyList<ServiceRateTable> Services);

/// <summary>
/// A row of a zone chart: a parcel from an origin ZIP3 in [<see cref="OriginFrom"/>, <see cref="OriginTo"/>] to a
/// destination ZIP3 in [<see cref="DestinationFrom"/>, <see cref="DestinationTo"/>] travels in <see cref="Zone"/>.
/// Rows are read in order and the first that matches wins.
/// </summary>
internal sealed record ZoneRange(string OriginFrom, string OriginTo, string DestinationFrom, string DestinationTo, int Zone)
{
    public bool Matches(string originZip3, string destinationZip3) =>
        string.CompareOrdinal(originZip3, OriginFrom) >= 0 && string.CompareOrdinal(originZip3, OriginTo) <= 0
        && string.CompareOrdinal(destinationZip3, DestinationFrom) >= 0 && string.CompareOrdinal(destinationZip3, DestinationTo) <= 0;
}

/// <summary>A service's transit days and weight brackets, per zone.</summary>
internal sealed record ServiceRateTable(ServiceLevel Service, IReadOnlyList<ZoneTransit> TransitDays, IReadOnlyList<WeightBracket> Brackets);

/// <summary>Business days in transit in a zone.</summary>
internal sealed record ZoneTransit(int Zone, int Days);

/// <summary>
/// Up to <see cref="UpToPounds"/> billable pounds in <see cref="Zone"/>, a package costs <see cref="BasePrice"/> plus
/// <see cref="PricePerPound"/> per billable pound. The lowest bracket that holds the weight applies; heavier than the
/// last bracket, the service does not take the package.
/// </summary>
internal sealed record WeightBracket(int Zone, int UpToPounds, decimal BasePrice, decimal PricePerPound);

/// <summary>
/// The staff's rate tables, one per carrier. One row, replaced whole by each edit (<see cref="Version"/> guards a stale
/// edit); every edit is kept in <see cref="RateTablesChange"/>. Before the first edit the built-in
/// <see cref="DefaultRateTables"/> apply (version 0).
/// </summary>
internal sealed class RateTableSet
{
    public const int SingletonId = 1;

    private RateTableSet()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public IReadOnlyList<CarrierRateTable> Tables { get; private set; } = [];

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public static RateTableSet Defaults(DateTimeOffset now) => new() { Tables = DefaultRateTables.All, UpdatedAt = now, UpdatedBy = "system" };

    /// <summary>Replaces the tables; returns the change to keep. A version other than the current one is a stale edit (409).</summary>
    public RateTablesChange Replace(IReadOnlyList<CarrierRateTable> tables, int expectedVersion, string reason, string actor, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            throw new ConflictException($"The rate tables are at version {Version}, not {expectedVersion}: someone changed them meanwhile; read them again.");
        }

        var change = new RateTablesChange(Version + 1, now, actor, reason, Tables, tables);
        Tables = tables;
        Version++;
        UpdatedAt = now;
        UpdatedBy = actor;
        return change;
    }
}

/// <summary>An edit of the rate tables: who, when, why, and the tables before and after (the audit trail).</summary>
internal sealed class RateTablesChange(int version, DateTimeOffset at, string actor, string reason, IReadOnlyList<CarrierRateTable> before, IReadOnlyList<CarrierRateTable> after)
{
    public long Id { get; private set; }

    public int Version { get; private set; } = version;

    public DateTimeOffset At { get; private set; } = at;

    public string Actor { get; private set; } = actor;

    public string Reason { get; private set; } = reason;

    public IReadOnlyList<CarrierRateTable> Before { get; private set; } = before;

    public IReadOnlyList<CarrierRateTable> After { get; private set; } = after;
}
