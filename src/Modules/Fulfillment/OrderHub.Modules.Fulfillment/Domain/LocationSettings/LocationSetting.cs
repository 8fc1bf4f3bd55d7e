using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Fulfillment.Domain.LocationSettings;

/// <summary>
/// A location's fulfillment terms as staff set them: <see cref="HandlingCost"/> per shipment (USD), <see cref="DailyLimit"/>
/// fulfillments per local day (null: no limit), <see cref="CutOffLocal"/> in <see cref="TimeZone"/> (work sourced later
/// ships the next business day; null: no cut-off) and <see cref="PickDeadlineHours"/> (warehouse work left off a pick
/// list longer is sourced elsewhere; null: never).
/// </summary>
internal sealed record LocationTerms(decimal HandlingCost, int? DailyLimit, TimeOnly? CutOffLocal, string TimeZone, int? PickDeadlineHours);

/// <summary>
/// One location's stored fulfillment settings, replaced whole by each edit (<see cref="Version"/> guards a stale edit);
/// every edit is kept in <see cref="LocationSettingsChange"/>. A location without a row keeps the defaults by kind.
/// </summary>
internal sealed class LocationSetting
{
    private LocationSetting()
    {
    }

    public string LocationCode { get; private set; } = string.Empty;

    public decimal HandlingCost { get; private set; }

    public int? DailyLimit { get; private set; }

    public TimeOnly? CutOffLocal { get; private set; }

    public string TimeZone { get; private set; } = string.Empty;

    public int? PickDeadlineHours { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public LocationTerms Terms => new(HandlingCost, DailyLimit, CutOffLocal, TimeZone, PickDeadlineHours);

    public static LocationSetting New(string locationCode) => new() { LocationCode = locationCode };

    /// <summary>Replaces the terms; returns the change to keep. A version other than the current one is a stale edit (409).</summary>
    public LocationSettingsChange Replace(LocationTerms terms, int? expectedVersion, string reason, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new ConflictException(
                $"The settings of {LocationCode} are at version {Version}, not {expected}: someone changed them meanwhile; read them again.");
        }

        var change = new LocationSettingsChange(LocationCode, Version + 1, now, actor, reason, Version == 0 ? null : Terms, terms);
        (HandlingCost, DailyLimit, CutOffLocal, TimeZone, PickDeadlineHours) = (terms.HandlingCost, terms.DailyLimit, terms.CutOffLocal, terms.TimeZone, terms.PickDeadlineHours);
        Version++;
        UpdatedAt = now;
        UpdatedBy = actor;
        return change;
    }
}

/// <summary>An edit of a location's settings: who, when, why, the terms before (null for the first) and after.</summary>
internal sealed class LocationSettingsChange(string locationCode, int version, DateTimeOffset at, string actor, string reason, LocationTerms? before, LocationTerms after)
{
    public long Id { get; private set; }

    public string LocationCode { get; private set; } = locationCode;

    public int Version { get; private set; } = version;

    public DateTimeOffset At { get; private set; } = at;

    public string Actor { get; private set; } = actor;

    public string Reason { get; private set; } = reason;

    public LocationTerms? Before { get; private set; } = before;

    public LocationTerms After { get; private set; } = after;
}
