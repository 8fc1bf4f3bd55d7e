namespace OrderHub.Modules.Fulfillment.Estimates;

/// <summary>
/// A location's working day in its own time zone: the local day now (the span a daily limit counts), whether its cut-off
/// has passed, and the day work sourced there now leaves: today before the cut-off, the next business day after it (a
/// weekend day ships on the Monday after, as <see cref="DeliveryEstimate"/> counts). Pure: the caller gives the time.
/// </summary>
internal static class ShipDay
{
    /// <summary>The location's local date now and that day's bounds in UTC (from local midnight to the next).</summary>
    public static (DateOnly Today, DateTimeOffset StartUtc, DateTimeOffset EndUtc) LocalDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        var next = midnight.AddDays(1);
        return (DateOnly.FromDateTime(midnight), StartOf(midnight, zone), StartOf(next, zone));
    }

    /// <summary>True when the local time now is at or after <paramref name="cutOff"/> (never without one).</summary>
    public static bool IsPastCutOff(DateTimeOffset now, TimeZoneInfo zone, TimeOnly? cutOff)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return cutOff is { } c && TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime) >= c;
    }

    /// <summary>The day work sourced now leaves the location: its local today, or the next business day past the cut-off.</summary>
    public static DateOnly Of(DateTimeOffset now, TimeZoneInfo zone, TimeOnly? cutOff)
    {
        var today = LocalDay(now, zone).Today;
        return IsPastCutOff(now, zone, cutOff) ? DeliveryEstimate.AddBusinessDays(today, 1) : today;
    }

    /// <summary>The time zone by id, or UTC when it is unknown on this machine (a location without settings ships on UTC days).</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset StartOf(DateTime localMidnight, TimeZoneInfo zone)
    {
        // A zone that skips midnight (a DST change at 00:00) starts the day an hour later.
        var start = zone.IsInvalidTime(localMidnight) ? localMidnight.AddHours(1) : localMidnight;
        return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
    }
}
