using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.RateTables;

/// <summary>
/// The rate tables in force, one per carrier; <see cref="Version"/> is what an edit sends back (0 = the built-in
/// tables, never edited).
/// </summary>
internal sealed record RateTablesDto(int Version, bool BuiltIn, DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<CarrierRateTable> Carriers)
{
    public static RateTablesDto From(RateTableSet? set) =>
        set is null ? new(0, true, null, null, DefaultRateTables.All) : new(set.Version, false, set.UpdatedAt, set.UpdatedBy, set.Tables);
}

/// <summary>One edit: who, when, why, the tables before and after.</summary>
internal sealed record RateTablesChangeDto(int Version, DateTimeOffset At, string Actor, string Reason, IReadOnlyList<CarrierRateTable> Before, IReadOnlyList<CarrierRateTable> After);
